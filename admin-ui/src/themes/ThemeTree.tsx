import type { ThemeNode } from '@convergences/contracts';
import { Alert, Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useRedirect, useTranslate } from 'react-admin';
import { TreeList, useTranslatedText } from '../common';
import { apiRequest } from '../dataProvider';
import { ColourSwatch } from './ThemeColour';

/** `GET /themes/tree`: every theme, siblings in their order. */
export const ThemeTree = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const pick = useTranslatedText();
  const [nodes, setNodes] = useState<ThemeNode[] | undefined>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    apiRequest<{ data: ThemeNode[] }>('/themes/tree').then(
      ({ json }) => active && (setNodes(json.data), setFailed(false)),
      () => active && setFailed(true),
    );
    return () => {
      active = false;
    };
  }, []);

  if (failed) return <Alert severity="error">{translate('app.theme.treeUnavailable')}</Alert>;
  if (!nodes) return null;
  if (nodes.length === 0) {
    return (
      <Typography variant="body2" sx={{ p: 2 }}>
        {translate('app.theme.emptyTree')}
      </Typography>
    );
  }
  return (
    <Box sx={{ p: 1, maxWidth: 900 }} data-testid="theme-tree">
      <TreeList
        nodes={nodes}
        label={(node) => pick(node.name)}
        detail={(node) => <ColourSwatch colour={node.colour} />}
        onSelect={(node) => redirect('edit', 'themes', node.id)}
        openLevels={2}
      />
    </Box>
  );
};
