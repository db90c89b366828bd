import type { Framework } from '@convergences/contracts';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { LinkBase, useTranslate } from 'react-admin';
import { LocaleDateField, QueryList, useTranslatedText } from '../common';
import { FrameworkStatusChip } from './FrameworkChips';
import { frameworkApi } from './frameworkApi';

/** The lineage's versions the caller may read, newest first, the one shown marked. */
export const FrameworkVersions = ({ framework }: { framework: Framework }) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const { data, isPending, error } = useQuery({
    queryKey: ['framework-versions', framework.lineageId],
    queryFn: () => frameworkApi.versions(framework.id),
  });
  return (
    <QueryList
      items={data}
      isPending={isPending}
      error={error}
      unavailable="app.evaluation.framework.versionsUnavailable"
      none="app.evaluation.framework.noVersions"
    >
      {(versions) => (
        <Table size="small" aria-label={translate('app.evaluation.framework.versions')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.frameworks.fields.version')}</TableCell>
              <TableCell>{translate('resources.frameworks.fields.title')}</TableCell>
              <TableCell>{translate('resources.frameworks.fields.status')}</TableCell>
              <TableCell>{translate('resources.frameworks.fields.adoptedAt')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {versions.map((version) => (
              <TableRow key={version.id} selected={version.id === framework.id}>
                <TableCell>
                  <LinkBase to={`/frameworks/${version.id}/show`}>
                    {translate('app.evaluation.framework.versionN', { version: version.version })}
                  </LinkBase>
                </TableCell>
                <TableCell>{pick(version.title)}</TableCell>
                <TableCell>
                  <FrameworkStatusChip record={version} />
                </TableCell>
                <TableCell>
                  <LocaleDateField record={version} source="adoptedAt" showTime emptyText="—" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </QueryList>
  );
};
