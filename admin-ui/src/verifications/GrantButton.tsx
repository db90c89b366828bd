import type { Territory, Verification } from '@convergences/contracts';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { problemMessage } from '../common';
import { apiRequest } from '../dataProvider';
import { TerritoryAutocomplete } from './TerritoryAutocomplete';
import { instantOf, kindChoices } from './verificationChoices';

/** `POST /verifications`: a platform admin verifies a person by hand, in a dialog. */
export const GrantButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [personId, setPersonId] = useState('');
  const [kind, setKind] = useState(kindChoices[0].id);
  const [territory, setTerritory] = useState<Territory | null>(null);
  const [expiresAt, setExpiresAt] = useState('');

  const close = () => {
    setOpen(false);
    setPersonId('');
    setTerritory(null);
    setExpiresAt('');
  };
  const confirm = async () => {
    setPending(true);
    try {
      await apiRequest<Verification>('/verifications', {
        method: 'POST',
        body: {
          personId: personId.trim(),
          kind,
          ...(territory ? { territoryId: territory.id } : {}),
          ...(expiresAt ? { expiresAt: instantOf(expiresAt) } : {}),
        },
      });
      notify('app.verification.grantedNotice', { type: 'success' });
      refresh();
      close();
    } catch (error) {
      notify(problemMessage(error), { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="app.verification.grant" onClick={() => setOpen(true)}>
        <VerifiedIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="grant-verification-title">
        <DialogTitle id="grant-verification-title">{translate('app.verification.grantTitle')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="normal"
            name="personId"
            label={translate('resources.verifications.fields.personId')}
            value={personId}
            onChange={(event) => setPersonId(event.target.value)}
          />
          <TextField
            select
            fullWidth
            margin="normal"
            name="kind"
            label={translate('resources.verifications.fields.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value as typeof kind)}
          >
            {kindChoices.map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {translate(choice.name)}
              </MenuItem>
            ))}
          </TextField>
          <TerritoryAutocomplete
            fullWidth
            margin="normal"
            label={translate('resources.verifications.fields.territoryId')}
            helperText={translate('app.verification.territoryHint')}
            value={territory}
            onChange={setTerritory}
          />
          <TextField
            fullWidth
            margin="normal"
            type="datetime-local"
            name="expiresAt"
            label={translate('resources.verifications.fields.expiresAt')}
            value={expiresAt}
            onChange={(event) => setExpiresAt(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} disabled={pending} />
          <Button
            label="app.verification.confirmGrant"
            onClick={confirm}
            disabled={pending || !personId.trim()}
            variant="contained"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
