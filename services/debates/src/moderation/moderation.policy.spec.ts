import type { Actor } from '@convergences/contracts';
import {
  assertMayReport,
  dismissalOf,
  hidingChanges,
  moderationStateOf,
  reachesThreshold,
  reasonsByFrequency,
  showingChanges,
  type ModerationFacts,
} from './moderation.policy';

const actor: Actor = {
  personId: '01900000-0000-7000-8000-000000000001',
  subject: 'sub',
  username: 'alice',
  displayName: 'Alice',
  roles: ['participant'],
  locale: 'fr',
};
const other = '01900000-0000-7000-8000-000000000002';
const facts = (more: Partial<ModerationFacts> = {}): ModerationFacts => ({
  resource_type: 'comment',
  author_id: other,
  reports_count: 0,
  hidden_at: null,
  hidden_cause: null,
  ...more,
});

describe('moderation policy', () => {
  it('lets people report others’ content, never their own nor themselves', () => {
    expect(() => assertMayReport(actor, { resourceType: 'comment', resourceId: other, authorId: other })).not.toThrow();
    expect(() =>
      assertMayReport(actor, { resourceType: 'comment', resourceId: other, authorId: actor.personId }),
    ).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() =>
      assertMayReport(actor, { resourceType: 'person', resourceId: actor.personId, authorId: null }),
    ).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => assertMayReport(actor, { resourceType: 'person', resourceId: other, authorId: null })).not.toThrow();
  });

  it('hides at the threshold what is shown, never a person', () => {
    expect(reachesThreshold(facts({ reports_count: 2 }), 3)).toBe(false);
    expect(reachesThreshold(facts({ reports_count: 3 }), 3)).toBe(true);
    expect(reachesThreshold(facts({ reports_count: 4, hidden_at: new Date(), hidden_cause: 'reports' }), 3)).toBe(
      false,
    );
    expect(reachesThreshold(facts({ resource_type: 'person', reports_count: 9 }), 3)).toBe(false);
  });

  it('tells the state and the reasons, most reported first', () => {
    expect(moderationStateOf(facts())).toBe('cleared');
    expect(moderationStateOf(facts({ reports_count: 1 }))).toBe('reported');
    expect(moderationStateOf(facts({ reports_count: 1, hidden_at: new Date() }))).toBe('hidden');
    expect(reasonsByFrequency({ spam: 1, offensive: 3, does_not_belong: 0 })).toEqual(['offensive', 'spam']);
  });

  it('makes a hiding the moderator’s, shows what is hidden, dismisses what is pending', () => {
    expect(hidingChanges(facts())).toBe(true);
    expect(hidingChanges(facts({ hidden_at: new Date(), hidden_cause: 'reports' }))).toBe(true);
    expect(hidingChanges(facts({ hidden_at: new Date(), hidden_cause: 'moderator' }))).toBe(false);
    expect(() => hidingChanges(facts({ resource_type: 'person' }))).toThrow(
      expect.objectContaining({ code: 'bad_request' }),
    );
    expect(showingChanges(facts())).toBe(false);
    expect(showingChanges(facts({ hidden_at: new Date(), hidden_cause: 'block' }))).toBe(true);
    expect(dismissalOf(facts())).toEqual({ changes: false, shows: false });
    expect(dismissalOf(facts({ reports_count: 3, hidden_at: new Date(), hidden_cause: 'reports' }))).toEqual({
      changes: true,
      shows: true,
    });
    expect(dismissalOf(facts({ reports_count: 1, hidden_at: new Date(), hidden_cause: 'moderator' }))).toEqual({
      changes: true,
      shows: false,
    });
  });
});
