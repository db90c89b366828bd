import type { Actor } from '@convergences/contracts';
import { suppressed } from './open-data';
import { campaignResultsRefusal, labelSubjects, type ResultsReader, type SubjectToLabel } from './results.policy';

const actor: Actor = {
  personId: '0190a000-0000-7000-8000-000000000900',
  subject: 'sub',
  username: 'camille',
  displayName: 'Camille',
  roles: ['participant'],
  locale: 'fr',
};
const reader = (fields: Partial<ResultsReader> = {}): ResultsReader => ({
  actor,
  isAdmin: false,
  isCoordinator: false,
  isCommittee: false,
  ownSubjects: new Set(),
  ...fields,
});
const subject = (id: string, name: string, scores: (number | null)[], shownInResults = false): SubjectToLabel => ({
  id,
  name,
  shownInResults,
  scores,
});

describe('campaignResultsRefusal', () => {
  it('lets those who oversee the campaign, its subjects and peers read it, and anyone once closed', () => {
    expect(campaignResultsRefusal(reader({ isCoordinator: true }), 'open')).toBeNull();
    expect(campaignResultsRefusal(reader({ isCommittee: true }), 'review')).toBeNull();
    expect(campaignResultsRefusal(reader({ isAdmin: true }), 'open')).toBeNull();
    expect(campaignResultsRefusal(reader({ ownSubjects: new Set(['s']) }), 'review')).toBeNull();
    expect(campaignResultsRefusal(reader(), 'closed')).toBeNull();
    expect(campaignResultsRefusal(reader({ actor: null }), 'closed')).toBeNull();
  });

  it('asks the anonymous to sign in and refuses others until closed', () => {
    expect(campaignResultsRefusal(reader({ actor: null }), 'open')?.code).toBe('unauthenticated');
    expect(campaignResultsRefusal(reader(), 'review')?.code).toBe('forbidden');
  });
});

describe('labelSubjects', () => {
  const subjects = [
    subject('a', 'Ressourcerie des Coteaux', [40, 80]),
    subject('b', 'Amap du Plateau', [90, null], true),
    subject('c', 'Garage solidaire', [40, 90]),
    subject('d', 'Épicerie sociale', [null, 10]),
  ];

  it('names every subject, by name, to those who oversee the campaign', () => {
    expect(labelSubjects(subjects, reader({ isCommittee: true })).map((s) => [s.subjectId, s.label])).toEqual([
      ['b', 'Amap du Plateau'],
      ['d', 'Épicerie sociale'],
      ['c', 'Garage solidaire'],
      ['a', 'Ressourcerie des Coteaux'],
    ]);
  });

  it('names a reader’s own subjects and consenting ones, the others as Structure n by their scores', () => {
    expect(labelSubjects(subjects, reader({ ownSubjects: new Set(['a']) })).map((s) => [s.subjectId, s.label])).toEqual(
      [
        ['b', 'Amap du Plateau'],
        ['a', 'Ressourcerie des Coteaux'],
        [null, 'Structure 1'],
        [null, 'Structure 2'],
      ],
    );
    const hidden = labelSubjects(subjects, reader()).filter((s) => s.subjectId === null);
    expect(hidden.map((s) => [s.label, s.source.scores])).toEqual([
      ['Structure 1', [40, 90]],
      ['Structure 2', [40, 80]],
      ['Structure 3', [null, 10]],
    ]);
  });

  it('gives the same answer whatever order the subjects come in', () => {
    const shown = (list: SubjectToLabel[]) => labelSubjects(list, reader()).map((s) => [s.label, s.source.scores]);
    expect(shown([...subjects].reverse())).toEqual(shown(subjects));
  });
});

describe('suppressed', () => {
  it('hides a cell with fewer than 3 subjects, or with 1 or 2 unnamed ones beside named ones', () => {
    expect(suppressed(2, 0)).toBe(true);
    expect(suppressed(3, 0)).toBe(false);
    expect(suppressed(3, 1)).toBe(true);
    expect(suppressed(5, 2)).toBe(false);
    expect(suppressed(4, 2)).toBe(true);
    expect(suppressed(3, 3)).toBe(false);
    expect(suppressed(2, 2)).toBe(true);
  });
});
