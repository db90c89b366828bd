import type { TerritoryNode } from '@convergences/contracts';
import { Alert, Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useListContext, useRedirect, useTranslate } from 'react-admin';
import { TreeList } from '../common';
import { apiRequest } from '../dataProvider';
import { TerritoryTypeChip } from './TerritoryTypeField';

/** `GET /territories/tree`, or the subtree of the `within` filter's territory. */
export const TerritoryTree = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const redirect = useRedirect();
  const rootId = typeof filterValues?.within === 'string' ? filterValues.within : undefined;
  const [nodes, setNodes] = useState<TerritoryNode[] | undefined>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    apiRequest<{ data: TerritoryNode[] }>('/territories/tree', { query: { rootId } }).then(
      ({ json }) => active && (setNodes(json.data), setFailed(false)),
      () => active && setFailed(true),
    );
    return () => {
      active = false;
    };
  }, [rootId]);

  if (failed) return <Alert severity="error">{translate('app.territory.treeUnavailable')}</Alert>;
  if (!nodes) return null;
  if (nodes.length === 0) {
    return (
      <Typography variant="body2" sx={{ p: 2 }}>
        {translate('app.territory.emptyTree')}
      </Typography>
    );
  }
  return (
    <Box sx={{ p: 1, maxWidth: 900 }} data-testid="territory-tree">
      <TreeList
        nodes={nodes}
        label={(node) => node.name}
        detail={(node) => (
          <>
            {node.code ? (
              <Typography variant="caption" color="text.secondary">
                {node.code}
              </Typography>
            ) : null}
            <TerritoryTypeChip type={node.type} />
          </>
        )}
        onSelect={(node) => redirect('edit', 'territories', node.id)}
      />
    </Box>
  );
};
