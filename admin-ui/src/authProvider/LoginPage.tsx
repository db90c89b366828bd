import { useState } from 'react';
import { Box, Button, CardActions, CardContent, CircularProgress, Typography } from '@mui/material';
import LoginIcon from '@mui/icons-material/Login';
import { LocalesMenuButton, Login, useLocaleState, useLogin, useNotify, useTranslate } from 'react-admin';
import { LocaleEffects } from '../layout/Layout';

/** The login page: one button that starts the sign-in at the identity provider (a redirect). */
export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [redirecting, setRedirecting] = useState(false);

  const signIn = () => {
    setRedirecting(true);
    login({ locale }).catch((error: unknown) => {
      setRedirecting(false);
      notify(error instanceof Error && error.message ? error.message : 'app.login.error', { type: 'error' });
    });
  };

  return (
    <Login>
      <LocaleEffects />
      <CardContent sx={{ maxWidth: 360, textAlign: 'center' }}>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('app.login.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.login.intro')}
        </Typography>
      </CardContent>
      <CardActions sx={{ flexDirection: 'column', gap: 1, px: 2, pb: 2 }}>
        <Button
          variant="contained"
          fullWidth
          onClick={signIn}
          disabled={redirecting}
          startIcon={redirecting ? <CircularProgress size={18} color="inherit" /> : <LoginIcon />}
        >
          {translate('app.login.button')}
        </Button>
        <Box>
          <LocalesMenuButton />
        </Box>
      </CardActions>
    </Login>
  );
};
