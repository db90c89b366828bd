import type { Framework } from '@convergences/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../dataProvider';

/** The framework version an assessment answers: adopted, so readable by anyone and never changing. */
export const useAnsweredFramework = (frameworkId: string | undefined) =>
  useQuery({
    queryKey: ['frameworks', 'answered', frameworkId],
    queryFn: async () => (await apiRequest<Framework>(`/frameworks/${encodeURIComponent(frameworkId!)}`)).json,
    enabled: !!frameworkId,
    staleTime: Infinity,
  });
