import type { Framework } from '@convergences/contracts';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { usePermissions, useTranslate } from 'react-admin';
import { isAdmin } from '../authProvider';
import { ConfirmButton, LocaleDateField, QueryList } from '../common';
import { PersonReference } from '../processes/PersonReference';
import { frameworkApi } from './frameworkApi';
import { NamePersonForm, type PickedPerson } from './PersonPicker';
import { useFrameworkMutation } from './useFrameworkMutation';

/** Platform admins name an editor of the lineage (`POST /frameworks/{id}/editors`). */
const AddEditorForm = ({ framework }: { framework: Framework }) => {
  const add = useFrameworkMutation(
    (person: PickedPerson) => frameworkApi.addEditor(framework.id, person),
    'app.evaluation.editors.addedNotice',
  );
  return (
    <NamePersonForm
      label="app.evaluation.editors.person"
      saveLabel="app.evaluation.editors.add"
      onName={(person) => add.mutateAsync(person)}
    />
  );
};

const RemoveEditorButton = ({ framework, personId }: { framework: Framework; personId: string }) => {
  const remove = useFrameworkMutation(
    () => frameworkApi.removeEditor(framework.id, personId),
    'app.evaluation.editors.removedNotice',
  );
  return (
    <ConfirmButton
      label="app.evaluation.editors.remove"
      icon={<PersonRemoveIcon />}
      color="warning"
      size="small"
      pending={remove.isPending}
      confirmation={{ title: 'app.evaluation.editors.removeTitle', content: 'app.evaluation.editors.removeContent' }}
      run={(settled) => remove.mutate(undefined, { onSettled: settled })}
    />
  );
};

/** The people named to edit every draft of the lineage; platform admins name and remove them. */
export const FrameworkEditors = ({ framework }: { framework: Framework }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const admin = isAdmin(permissions);
  const { data, isPending, error } = useQuery({
    queryKey: ['framework-editors', framework.lineageId],
    queryFn: () => frameworkApi.editors(framework.id),
  });
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.evaluation.editors.intro')}
      </Typography>
      <QueryList
        items={data}
        isPending={isPending}
        error={error}
        unavailable="app.evaluation.editors.unavailable"
        none="app.evaluation.editors.none"
      >
        {(editors) => (
          <Table size="small" aria-label={translate('app.evaluation.editors.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.evaluation.editors.person')}</TableCell>
                <TableCell>{translate('app.evaluation.editors.addedAt')}</TableCell>
                {admin ? <TableCell /> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {editors.map((editor) => (
                <TableRow key={editor.personId} data-testid="framework-editor">
                  <TableCell>
                    <PersonReference personId={editor.personId} />
                  </TableCell>
                  <TableCell>
                    <LocaleDateField record={editor} source="addedAt" showTime />
                  </TableCell>
                  {admin ? (
                    <TableCell align="right">
                      <RemoveEditorButton framework={framework} personId={editor.personId} />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryList>
      {admin ? <AddEditorForm framework={framework} /> : null}
    </Box>
  );
};
