import { Box } from '@mui/material';
import { colourOf, formatScore } from './scoreScale';

/** A score in a small coloured badge, the colour of its fifth. */
export const ScoreBadge = ({ score, label }: { score: number | null | undefined; label?: string }) => {
  const { background, color } = colourOf(score);
  return (
    <Box
      component="span"
      aria-label={label ? `${label} : ${formatScore(score)}` : undefined}
      sx={{
        display: 'inline-block',
        minWidth: 36,
        px: 0.75,
        py: 0.25,
        borderRadius: 1,
        textAlign: 'center',
        fontWeight: 600,
        fontSize: '0.8125rem',
        backgroundColor: background,
        color,
      }}
    >
      {formatScore(score)}
    </Box>
  );
};
