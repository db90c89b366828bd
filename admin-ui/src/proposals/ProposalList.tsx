import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SearchInput } from 'react-admin';
import { LocaleDateField, TranslatedTextField, useTranslatedText } from '../common';
import type { Process, Proposal } from '../types';

/** Picks a process by its title (searched with the API's `q`). */
const ProcessAutocomplete = () => {
  const pick = useTranslatedText();
  return (
    <AutocompleteInput
      label="resources.proposals.fields.processId"
      optionText={(process: Process) => pick(process.title) || process.slug}
      filterToQuery={(text: string) => ({ q: text })}
      sx={{ minWidth: 280 }}
    />
  );
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="processId"
    source="processId"
    reference="processes"
    sort={{ field: 'createdAt', order: 'DESC' }}
    alwaysOn
  >
    <ProcessAutocomplete />
  </ReferenceInput>,
];

const Column = DataTable.Col<Proposal>;

export const ProposalList = () => (
  <List<Proposal>
    filters={filters}
    actions={false}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable<Proposal> rowClick="show" bulkActionButtons={false}>
      <Column source="title" />
      <Column source="processId" disableSort>
        <ReferenceField source="processId" reference="processes" link="show">
          <TranslatedTextField source="title" />
        </ReferenceField>
      </Column>
      <Column source="authorName" disableSort />
      <Column source="createdAt">
        <LocaleDateField source="createdAt" showTime />
      </Column>
    </DataTable>
  </List>
);
