import { Typography } from '@mui/material';
import { DataTable, List, ReferenceField, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { LocaleDateField, TranslatedTextField, useMe, useTranslatedText } from '../../common';
import type { Proposal } from '../../types';
import { AnswerStateChip, ProposalStateChip } from '../ProposalChips';
import { type NamedSort, SortSelect } from '../SortSelect';
import { valuatorProcessesOf } from './valuatorPermission';

/** The orders of `GET /valuations/mine`: newest proposals, or by when they were assigned. */
const sorts: NamedSort[] = [
  { name: 'recent', label: 'app.proposal.sort.recent', sort: { field: 'recent', order: 'ASC' } },
  { name: 'assignedAt', label: 'app.valuations.sort.assignedFirst', sort: { field: 'assignedAt', order: 'ASC' } },
  { name: '-assignedAt', label: 'app.valuations.sort.assignedLast', sort: { field: 'assignedAt', order: 'DESC' } },
];

const answeredChoices = [
  { id: 'true', name: 'app.valuations.unanswered' },
  { id: 'false', name: 'app.valuations.answered' },
];

/** The processes where the signed-in person values proposals, and whether they are answered. */
function useFilters() {
  const { me } = useMe();
  const pick = useTranslatedText();
  const processChoices = valuatorProcessesOf(me).map((process) => ({
    id: process.processId,
    name: pick(process.title),
  }));
  return [
    <SelectInput
      key="processId"
      source="processId"
      label="resources.valuations.fields.processId"
      choices={processChoices}
      emptyText="app.valuations.allProcesses"
      alwaysOn
    />,
    <SelectInput
      key="unanswered"
      source="unanswered"
      label="resources.valuations.fields.answer"
      choices={answeredChoices}
      emptyText="app.valuations.allAnswers"
      alwaysOn
    />,
  ];
}

const ListActions = () => (
  <TopToolbar sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
    <SortSelect sorts={sorts} />
  </TopToolbar>
);

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body1" color="text.secondary" sx={{ m: 2 }}>
      {translate('app.valuations.empty')}
    </Typography>
  );
};

const Column = DataTable.Col<Proposal>;

/**
 * "Proposals to value": the proposals assigned to the signed-in valuator in the processes where
 * they hold the role (`GET /valuations/mine`), answers held included; nothing else of the back office.
 */
export const ValuationList = () => {
  const filters = useFilters();
  return (
    <List<Proposal>
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'recent', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={<Empty />}
    >
      <DataTable<Proposal> rowClick="show" bulkActionButtons={false}>
        <Column source="reference" label="resources.proposals.fields.reference" disableSort />
        <Column source="title" label="resources.proposals.fields.title" disableSort />
        <Column source="processId" label="resources.proposals.fields.processId" disableSort>
          <ReferenceField source="processId" reference="processes" link={false}>
            <TranslatedTextField source="title" />
          </ReferenceField>
        </Column>
        <Column source="authorName" label="resources.proposals.fields.authorName" disableSort />
        <Column source="state" label="resources.proposals.fields.state" disableSort>
          <ProposalStateChip />
        </Column>
        <Column source="answer" label="resources.proposals.fields.answer" disableSort>
          <AnswerStateChip />
        </Column>
        <Column source="publishedAt" label="resources.proposals.fields.publishedAt" disableSort>
          <LocaleDateField source="publishedAt" showTime emptyText="—" />
        </Column>
      </DataTable>
    </List>
  );
};
