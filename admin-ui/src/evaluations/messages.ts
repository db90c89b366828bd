import { evaluationFr, evaluationResourcesFr } from './messages.fr';

/** The shape every locale's messages must have (the French ones'). */
type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type EvaluationMessages = Messages<typeof evaluationFr>;
export type EvaluationResourceMessages = Messages<typeof evaluationResourcesFr>;

export { evaluationFr, evaluationResourcesFr } from './messages.fr';
export { evaluationEn, evaluationResourcesEn } from './messages.en';
