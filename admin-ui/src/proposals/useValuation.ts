import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

/** What the process's admins see of a proposal: its answer even held, its valuators, its notes. */
export function useValuation(proposalId: Identifier | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['proposals', 'valuation', proposalId],
    queryFn: () => dataProvider.getValuation(proposalId!).then(({ data }) => data),
    enabled: !!proposalId,
  });
}
