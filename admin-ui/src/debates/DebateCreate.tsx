import AddIcon from '@mui/icons-material/Add';
import { CreateInProcessPage } from '../common';
import { DebateInputs } from './DebateInputs';
import { DebateProcessInput } from './DebateProcessInput';
import { type DebateFormValues, toOfficialDebateInput, validateOfficialDebate } from './debateFormValues';
import { useDebateMutation } from './useDebateMutation';

const openedAs = {
  closed: 'app.debate.processClosed',
  noOrganizer: 'app.debate.noOrganizer',
  inTheNameOf: 'app.debate.openedAs',
};

/**
 * A process's admin opens an official debate (`POST /processes/{id}/debates`, `official: true`):
 * checked as one types with the contract's own schema, the API's problems shown field by field;
 * its page opens once it is open.
 */
export const DebateCreate = () => {
  const create = useDebateMutation(
    (dataProvider, values: DebateFormValues) =>
      dataProvider.createOfficialDebate(values.processId!, toOfficialDebateInput(values)),
    'app.debate.createdNotice',
  );
  return (
    <CreateInProcessPage<DebateFormValues>
      title="app.debate.createTitle"
      intro="app.debate.createIntro"
      resource="debates"
      create={(values) => create.mutateAsync(values)}
      validate={(values) => validateOfficialDebate(values)}
      inTheNameOf={openedAs}
      processInput={<DebateProcessInput sx={{ width: '100%', maxWidth: 640 }} />}
      saveLabel="app.debate.save"
      saveIcon={<AddIcon />}
    >
      {() => <DebateInputs />}
    </CreateInProcessPage>
  );
};
