import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate, type Identifier } from 'react-admin';
import { useTranslatedText } from '../common';
import type { AppDataProvider } from '../dataProvider';
import type { AnswerState } from '../types';

export const builtInAnswerStates = ['evaluating', 'accepted', 'rejected'] as const;

/** The states the process defines for its answers (`GET /processes/{id}/answer-states`). */
export function useAnswerStates(processId: Identifier | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['answers', 'states', processId],
    queryFn: () => dataProvider.getAnswerStates(processId!).then(({ data }) => data),
    enabled: !!processId,
  });
}

/** An answer state's label: the built-in ones translated, the process's own by their label. */
export function useAnswerStateLabel() {
  const translate = useTranslate();
  const pick = useTranslatedText();
  return (key: string, custom?: AnswerState[]) => {
    const own = custom?.find((state) => state.key === key);
    if (own) return pick(own.label) || key;
    return translate(`app.answer.state.${key}`, { _: key });
  };
}
