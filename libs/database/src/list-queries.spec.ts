import { likePattern } from './list-queries';

describe('likePattern', () => {
  it('matches the text anywhere, or at the start', () => {
    expect(likePattern('tiers-lieu')).toBe('%tiers-lieu%');
    expect(likePattern('tiers', 'startsWith')).toBe('tiers%');
  });

  it('makes LIKE wildcards and the escape character match themselves', () => {
    expect(likePattern('100%_sûr\\')).toBe('%100\\%\\_sûr\\\\%');
  });
});
