import { DomainError } from '@convergences/contracts';
import { overseesAll, type CampaignAccess } from '../campaign/campaign-access';
import type { CampaignStatus } from '../campaign/campaign.tables';

/*
 * Who reads a campaign's results, and which subjects they see by name. Coordinators, the
 * committee and platform admins see every subject named; the members of a subject and its
 * assigned peers see the campaign's results too (once it is closed, anyone does), with each other
 * subject named only if it agreed to be shown, else `Structure 1`, `Structure 2`, …
 */

/** Who is asking, with the subjects of the campaign they belong to or visit as a peer. */
export interface ResultsReader extends CampaignAccess {
  /** Ids of the subjects the reader is a member of or an assigned peer of. */
  ownSubjects: ReadonlySet<string>;
}

/** Why the reader may not read the campaign's results, or `null` if they may. */
export function campaignResultsRefusal(reader: ResultsReader, status: CampaignStatus): DomainError | null {
  if (overseesAll(reader) || status === 'closed' || reader.ownSubjects.size > 0) return null;
  if (!reader.actor) return new DomainError('unauthenticated', 'Sign in to read the results of this campaign.');
  return new DomainError(
    'forbidden',
    'Until the campaign is closed its results are read by its coordinators, committee, subjects and peers.',
  );
}

export interface SubjectToLabel {
  id: string;
  name: string;
  shownInResults: boolean;
  /** The subject's scores, criterion by criterion in the tree's order. */
  scores: (number | null)[];
}

export interface LabelledSubject {
  /** `null` when anonymised. */
  subjectId: string | null;
  label: string;
  source: SubjectToLabel;
}

/**
 * The subjects in the order the reader sees them: named ones first by name, then the others as
 * `Structure 1…n`, ordered by their scores (highest first, criterion by criterion). That order
 * tells nothing the scores do not already show: two subjects it cannot tell apart have the same
 * scores, so whichever gets which label, the answer is the same.
 */
export function labelSubjects(subjects: readonly SubjectToLabel[], reader: ResultsReader): LabelledSubject[] {
  const namesAll = overseesAll(reader);
  const isNamed = (s: SubjectToLabel) => namesAll || s.shownInResults || reader.ownSubjects.has(s.id);
  const named = subjects.filter(isNamed).sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id));
  const hidden = subjects.filter((s) => !isNamed(s)).sort((a, b) => byScores(a.scores, b.scores));
  return [
    ...named.map((s) => ({ subjectId: s.id, label: s.name, source: s })),
    ...hidden.map((s, i) => ({ subjectId: null, label: `Structure ${i + 1}`, source: s })),
  ];
}

/** Highest first, criterion by criterion; no score after any score. */
function byScores(a: (number | null)[], b: (number | null)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return y - x;
  }
  return 0;
}
