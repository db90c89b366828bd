import type { ProcessStats } from '@convergences/contracts';
import { useQuery } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import { apiRequest } from '../../dataProvider';

/** `GET /processes/{id}/stats`: kept from events, so refreshed every minute while shown. */
export function useProcessStats(processId: Identifier | undefined) {
  return useQuery({
    queryKey: ['processes', processId, 'stats'],
    queryFn: async () =>
      (await apiRequest<ProcessStats>(`/processes/${encodeURIComponent(String(processId))}/stats`)).json,
    enabled: processId !== undefined,
    refetchInterval: 60_000,
  });
}
