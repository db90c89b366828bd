import { assertMayPlaceTheme } from './theme-placement';

describe('assertMayPlaceTheme', () => {
  // plaidoyer > alimentation > amap
  it('lets a theme move under a theme outside its own subtree', () => {
    expect(() => assertMayPlaceTheme('amap', ['innovation'])).not.toThrow();
    expect(() => assertMayPlaceTheme('alimentation', ['energie', 'plaidoyer'])).not.toThrow();
  });

  it('refuses a theme under itself or under one of its sub-themes, as a conflict naming parentId', () => {
    expect(() => assertMayPlaceTheme('plaidoyer', ['plaidoyer'])).toThrow(
      expect.objectContaining({ code: 'conflict', details: { field: 'parentId', parentId: 'plaidoyer' } }),
    );
    expect(() => assertMayPlaceTheme('plaidoyer', ['amap', 'alimentation', 'plaidoyer'])).toThrow(
      expect.objectContaining({ code: 'conflict', details: { field: 'parentId', parentId: 'amap' } }),
    );
  });
});
