import type { z } from 'zod';

/** A message key, with its arguments, as react-admin forms translate them. */
type FieldMessage = string | { message: string; args: Record<string, unknown> };
export type FieldErrors = { [field: string]: FieldMessage | FieldErrors };

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );

/** What one issue of the contract says, in the back office's words. */
function messageOf(issue: z.core.$ZodIssue, value: unknown): FieldMessage {
  if (value === undefined || value === '') return 'ra.validation.required';
  switch (issue.code) {
    case 'too_small':
      return { message: 'app.debate.validation.tooShort', args: { min: Number(issue.minimum) } };
    case 'too_big':
      return { message: 'app.debate.validation.tooLong', args: { max: Number(issue.maximum) } };
    case 'custom':
      // The contract's only refinement: the window's end after its start.
      return 'app.debate.validation.endsBeforeStart';
    default:
      return 'app.debate.validation.invalid';
  }
}

/** Puts a message at its field's path, unless that field (or a field above it) has one already. */
function place(errors: FieldErrors, path: string[], message: FieldMessage): void {
  let node = errors;
  for (const segment of path.slice(0, -1)) {
    const child = node[segment];
    if (typeof child === 'string' || (child && 'args' in child)) return;
    node = (node[segment] ??= {}) as FieldErrors;
  }
  node[path[path.length - 1]] ??= message;
}

/**
 * Checks what a form is about to send against the contract's schema (the very rules the API
 * applies) and answers the problems in the form's shape, next to their inputs: the first issue
 * of each field.
 */
export function contractFieldErrors(schema: z.ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input);
  const errors: FieldErrors = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    if (path.length > 0) place(errors, path, messageOf(issue, valueAt(input, issue.path)));
  }
  return errors;
}
