/** The shapes the gateway's REST API answers with (see the gateway's OpenAPI document). */

export type Locale = 'fr' | 'en';

/** Official content, written per locale: French is required, English optional. */
export interface TranslatedText {
  fr: string;
  en?: string;
}

export type ProcessStatus = 'draft' | 'published';

export interface Process {
  id: string;
  slug: string;
  title: TranslatedText;
  description: TranslatedText;
  status: ProcessStatus;
  proposalsCount: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface ProcessInput {
  title: TranslatedText;
  description: TranslatedText;
  slug?: string;
  status?: ProcessStatus;
}

export interface Proposal {
  id: string;
  processId: string;
  reference: string | null;
  title: string;
  body: string;
  locale: Locale;
  authorId: string;
  authorName: string;
  state: 'published';
  createdAt: string;
  publishedAt: string;
}

/** The signed-in person as the gateway knows them (`GET /me`); only a few fields are relied upon. */
export interface Me {
  id: string;
  displayName?: string | null;
  name?: string | null;
  username?: string | null;
  [key: string]: unknown;
}

export interface PageMeta {
  total: number;
  page: number;
  perPage: number;
}

export interface Page<Item> {
  data: Item[];
  meta: PageMeta;
}

/** RFC 9457 problem details, as every error of the API is shaped. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
}
