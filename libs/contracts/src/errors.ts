import { z } from 'zod';

/** Machine-readable problem codes shared by every service, the gateway and front ends. */
export const errorCodes = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  /** A blocked person tried to write: reads still work. */
  blocked_person: 403,
  /** The token's account was deleted: it no longer signs anybody in. */
  account_deleted: 403,
  not_found: 404,
  conflict: 409,
  /** The last admin of an organisation cannot leave, be removed or be demoted. */
  last_admin: 409,
  payload_too_large: 413,
  /** The action needs a process role (admin, collaborator, moderator, valuator) the person lacks. */
  role_required: 403,
  /** A private process: only the people invited to it take part. */
  not_invited: 403,
  /** The process requires a verification (e.g. residency in its territory) the person lacks. */
  verification_required: 403,
  process_not_published: 422,
  process_closed: 422,
  /** The active phase does not open this action (or no phase is active). */
  phase_closed: 422,
  /** Supports are shown but frozen in the active phase. */
  supports_blocked: 422,
  /** Comments are shown but frozen in the active phase. */
  comments_blocked: 422,
  /** A census identifier or a one-time code did not match anything usable. */
  verification_refused: 422,
  /** The person has published as many proposals as the process allows. */
  proposal_limit_reached: 422,
  /** The process's edit window after publishing has passed. */
  edit_window_closed: 422,
  /** The proposal was withdrawn by its author: it changes no more and takes no supports or endorsements. */
  proposal_withdrawn: 409,
  /** A proposal that has supports can no longer be edited. */
  proposal_supported: 409,
  /** A proposal with an official answer can no longer be edited. */
  proposal_answered: 409,
  /** The person has given as many supports as the process allows each person. */
  quota_reached: 422,
  /** The proposal has the supports its threshold asks, and the process takes none beyond it. */
  threshold_reached: 422,
  /** The proposal's published official answer rejects it: it takes no supports. */
  proposal_rejected: 409,
  /** The person already supports this proposal. */
  already_supported: 409,
  /** A closed debate takes no comments and is not edited. */
  debate_closed: 409,
  /** A time-boxed debate takes comments only between its start and end. */
  debate_not_open: 422,
  /** A deleted comment is not edited, answered or voted on. */
  comment_deleted: 409,
  /** The person already reported this resource: one report per person and resource. */
  already_reported: 409,
  /** An adopted framework version is frozen: it is never changed (a new version starts as its copy). */
  framework_adopted: 409,
  /** A framework is adopted only complete: the problem lists what is missing. */
  framework_incomplete: 422,
  /** A criterion is adopted only from a proposal of the process the framework is co-built in. */
  proposal_outside_process: 422,
  /** The campaign's state (draft, open, review, closed) does not allow this now; `details.status` says which it is. */
  campaign_state: 409,
  /** A submitted assessment is frozen: it is never changed. */
  assessment_submitted: 409,
  /** An assessment is submitted only complete: the problem lists what is missing. */
  assessment_incomplete: 422,
  /** No one assesses their own organisation as a peer. */
  own_organization: 422,
  /** The process's valuators have no framework yet: its admins choose one first. */
  valuation_framework_missing: 422,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The shape of a domain error as it crosses NATS. */
export const domainErrorPayloadSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(fieldErrorSchema).optional(),
});
export type DomainErrorPayload = z.infer<typeof domainErrorPayloadSchema>;

/** An error a caller can act on: it carries a code, a human message and optional details. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The serialisable form of this error. */
  toPayload(): DomainErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }

  /** Rebuilds a domain error from its payload; unknown codes become `internal`. */
  static fromPayload(payload: DomainErrorPayload): DomainError {
    const code = (Object.hasOwn(errorCodes, payload.code) ? payload.code : 'internal') as ErrorCode;
    return new DomainError(code, payload.message, payload.details, payload.errors);
  }
}

/** The HTTP status a problem code maps to. */
export function statusOf(code: string): number {
  return Object.hasOwn(errorCodes, code) ? errorCodes[code as ErrorCode] : 500;
}

/** Turns zod issues into field errors a form can show next to each field. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Parses input against a contract, failing with a `validation_failed` domain error. */
export function parseOrFail<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError('validation_failed', `The ${what} is invalid.`, undefined, fieldErrorsOf(result.error));
  }
  return result.data;
}
