export { dataProvider, sortParam, MAX_PER_PAGE } from './dataProvider';
export type { AppDataProvider } from './dataProvider';
export { apiRequest, buildUrl, fieldErrorsOf, setApiLocale } from './httpClient';
