export { QuestionnaireLink, questionnaireUrl } from './QuestionnaireLink';
export { QuestionnairePage } from './QuestionnairePage';
