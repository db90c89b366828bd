import { z } from 'zod';
import { DomainError, errorCodes, fieldErrorsOf, parseOrFail, statusOf, type ErrorCode } from './errors';

describe('statusOf', () => {
  it.each([
    ['validation_failed', 400],
    ['bad_request', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['payload_too_large', 413],
    ['process_not_published', 422],
    ['rate_limited', 429],
    ['internal', 500],
    ['service_unavailable', 503],
  ])('maps %s to HTTP %i', (code, status) => {
    expect(statusOf(code)).toBe(status);
  });

  it('covers every known code', () => {
    for (const code of Object.keys(errorCodes)) expect(statusOf(code)).toBe(errorCodes[code as ErrorCode]);
  });

  it('maps an unknown code to 500', () => {
    expect(statusOf('teapot')).toBe(500);
    expect(statusOf('')).toBe(500);
  });

  it('does not treat Object.prototype members as codes', () => {
    expect(statusOf('toString')).toBe(500);
    expect(statusOf('constructor')).toBe(500);
  });
});

describe('DomainError', () => {
  it('is an Error with its code, message, details and field errors', () => {
    const error = new DomainError('conflict', 'Slug taken.', { field: 'slug' }, [{ path: 'slug', message: 'taken' }]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error).toMatchObject({ code: 'conflict', message: 'Slug taken.', details: { field: 'slug' } });
    expect(error.errors).toEqual([{ path: 'slug', message: 'taken' }]);
  });

  it('serialises only what it carries', () => {
    expect(new DomainError('not_found', 'No such process.').toPayload()).toEqual({
      code: 'not_found',
      message: 'No such process.',
    });
    expect(new DomainError('not_found', 'No such process.').toPayload()).not.toHaveProperty('details');
    expect(new DomainError('conflict', 'Taken.', { field: 'slug' }).toPayload()).toEqual({
      code: 'conflict',
      message: 'Taken.',
      details: { field: 'slug' },
    });
  });

  it('survives a JSON round trip through its payload', () => {
    const original = new DomainError(
      'validation_failed',
      'The request is invalid.',
      { attempt: 2, nested: { ok: false } },
      [{ path: 'title.fr', message: 'Too small' }],
    );
    const wire = JSON.parse(JSON.stringify(original.toPayload()));
    const rebuilt = DomainError.fromPayload(wire);
    expect(rebuilt).toBeInstanceOf(DomainError);
    expect(rebuilt.code).toBe('validation_failed');
    expect(rebuilt.message).toBe('The request is invalid.');
    expect(rebuilt.details).toEqual({ attempt: 2, nested: { ok: false } });
    expect(rebuilt.errors).toEqual([{ path: 'title.fr', message: 'Too small' }]);
    expect(rebuilt.toPayload()).toEqual(original.toPayload());
  });

  it('turns an unknown code into internal, keeping the message', () => {
    const rebuilt = DomainError.fromPayload({ code: 'quota_exceeded', message: 'Too many.' });
    expect(rebuilt.code).toBe('internal');
    expect(rebuilt.message).toBe('Too many.');
  });

  it('does not take Object.prototype members for codes', () => {
    for (const code of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(DomainError.fromPayload({ code, message: 'm' }).code).toBe('internal');
    }
  });

  it('keeps every known code as is', () => {
    for (const code of Object.keys(errorCodes)) {
      expect(DomainError.fromPayload({ code, message: 'm' }).code).toBe(code);
    }
  });
});

describe('fieldErrorsOf', () => {
  it('joins nested paths, array indexes included, with dots', () => {
    const schema = z.object({ title: z.object({ fr: z.string().min(1) }), roles: z.array(z.string()) });
    const result = schema.safeParse({ title: { fr: '' }, roles: ['ok', 3] });
    expect(result.success).toBe(false);
    const paths = fieldErrorsOf(result.error!).map((e) => e.path);
    expect(paths.sort()).toEqual(['roles.1', 'title.fr']);
  });
});

describe('parseOrFail', () => {
  const schema = z.strictObject({
    title: z.object({ fr: z.string().trim().min(1) }),
    perPage: z.coerce.number().int().max(100).default(25),
  });

  it('returns the parsed value, defaults and coercions applied', () => {
    expect(parseOrFail(schema, { title: { fr: '  Bonjour ' }, perPage: '40' })).toEqual({
      title: { fr: 'Bonjour' },
      perPage: 40,
    });
    expect(parseOrFail(schema, { title: { fr: 'Bonjour' } })).toEqual({ title: { fr: 'Bonjour' }, perPage: 25 });
  });

  it('fails with validation_failed and one field error per problem', () => {
    let caught: unknown;
    try {
      parseOrFail(schema, { title: { fr: '   ' }, perPage: 500 }, 'process');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('The process is invalid.');
    expect(error.errors?.map((e) => e.path).sort()).toEqual(['perPage', 'title.fr']);
    for (const fieldError of error.errors ?? []) expect(fieldError.message).toEqual(expect.any(String));
    expect(statusOf(error.code)).toBe(400);
  });

  it('reports a missing object as a root problem and says what was invalid by default', () => {
    expect(() => parseOrFail(schema, undefined)).toThrow(
      expect.objectContaining({ code: 'validation_failed', message: 'The input is invalid.' }),
    );
  });

  it('rejects unknown keys of a strict object', () => {
    expect(() => parseOrFail(schema, { title: { fr: 'Bonjour' }, admin: true })).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: '', message: expect.stringContaining('admin') })],
      }),
    );
  });
});
