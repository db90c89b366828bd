import { DomainError } from '@convergences/contracts';
import { assertNoNetworkCycle } from './network-cycles';

describe('assertNoNetworkCycle', () => {
  const national = 'national';
  const regional = 'regional';
  const local = 'local';

  it('lets an organisation join networks outside its own membership tree', () => {
    expect(() => assertNoNetworkCycle(local, [regional, national], new Set())).not.toThrow();
    expect(() => assertNoNetworkCycle(regional, [national], new Set([local]))).not.toThrow();
  });

  it('refuses an organisation joining itself', () => {
    expect(() => assertNoNetworkCycle(national, [national], new Set())).toThrow(DomainError);
  });

  it('refuses a network joining one of its members, at any depth, with a conflict', () => {
    // regional belongs to national, local belongs to regional: national may not join either.
    const descendantsOfNational = new Set([regional, local]);
    for (const target of [regional, local]) {
      expect(() => assertNoNetworkCycle(national, [target], descendantsOfNational)).toThrow(
        expect.objectContaining({ code: 'conflict', details: { networkId: target } }),
      );
    }
  });
});
