/** A problem as a refused request rejects with it. */
export type Refusal = {
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
  details?: Record<string, unknown>;
};

/**
 * `refused(request)`: runs a request that must fail and checks, with `state` (a snapshot of what
 * the service holds), that it changed nothing; answers the problem.
 */
export function refusalsAgainst(state: () => Promise<unknown>) {
  return async (request: () => Promise<unknown>): Promise<Refusal> => {
    const before = await state();
    const error = await request().then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => e as Refusal,
    );
    expect(await state()).toEqual(before);
    return error;
  };
}
