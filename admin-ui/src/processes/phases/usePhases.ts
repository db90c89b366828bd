import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { AppDataProvider } from '../../dataProvider';

/** The process's phases in their order (`GET /processes/{id}/phases`). */
export function usePhases(processId: Identifier | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['processes', 'phases', processId],
    queryFn: () => dataProvider.getPhases(processId!).then(({ data }) => data),
    enabled: processId !== undefined,
  });
}
