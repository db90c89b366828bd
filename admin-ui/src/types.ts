/** The shapes the gateway's REST API answers with: the platform's own contracts, types only. */
import type { CreateProcessRequest, FieldError, MePerson } from '@convergences/contracts';

export type { Locale, Page, PageMeta, Process, ProcessStatus, Proposal, TranslatedText } from '@convergences/contracts';

/** What the process form sends. */
export type ProcessInput = CreateProcessRequest;

/** The signed-in person as the gateway knows them (`GET /me`). */
export type Me = MePerson;

/** RFC 9457 problem details, as every error of the API is shaped. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}
