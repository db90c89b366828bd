import { type ComponentType, lazy } from 'react';

// The answering pages load when first shown, in their own chunk.
export const AssessmentPage = lazy(() =>
  import('./AssessmentPage').then((module) => ({ default: module.AssessmentPage as ComponentType })),
);
export { AnswerSheet } from './AnswerSheet';
export type { AnswerSheetProps } from './AnswerSheet';
export { assessmentApi, valuationApi } from './assessmentApi';
export { StartAssessmentButtons } from './StartAssessmentButtons';
export { SubjectAssessments } from './SubjectAssessments';
export { useAnsweredFramework } from './useAnsweredFramework';
