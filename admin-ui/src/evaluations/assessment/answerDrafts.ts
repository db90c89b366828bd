import type { Answer, AnswerInput, Criterion, Framework, Indicator, MissingAnswer } from '@convergences/contracts';

/*
 * The answers of an assessment as they are being written, criterion by criterion, and what a
 * save sends of them: only the criteria touched since the last save, each with its narrative,
 * its evidence and every value (a cleared one as `null`), so that several members writing one
 * self-assessment over days do not overwrite each other's criteria.
 */

/** An indicator's value as typed: a quantity's text, a level's value, yes / no, or nothing. */
export type DraftValue = string | number | boolean | null;

export interface EvidenceDraft {
  label: string;
  url: string;
}

export interface CriterionDraft {
  narrative: string;
  evidence: EvidenceDraft[];
  /** By indicator id. */
  values: Record<string, DraftValue>;
}

export type Drafts = Record<string, CriterionDraft>;

export const criteriaOf = (framework: Pick<Framework, 'dimensions'>): Criterion[] =>
  framework.dimensions.flatMap((dimension) => dimension.criteria);

/** Whether a criterion's answer must tell its story: it says so, or one of its indicators is a narrative (as the API decides). */
export const needsNarrative = (criterion: Criterion): boolean =>
  criterion.narrativeRequired || criterion.indicators.some((indicator) => indicator.kind === 'narrative');

/** The indicators that take a value: all but narrative ones. */
export const valuedIndicators = (criterion: Criterion): Indicator[] =>
  criterion.indicators.filter((indicator) => indicator.kind !== 'narrative');

/** A saved value as the input shows it: yes / no read back as 1 / 0, a quantity as text. */
function draftValue(indicator: Indicator, saved: number | undefined): DraftValue {
  if (saved === undefined) return indicator.kind === 'quantitative' ? '' : null;
  if (indicator.kind === 'yes_no') return saved !== 0;
  if (indicator.kind === 'quantitative') return String(saved);
  return saved;
}

/** The drafts of every criterion of the framework, from the saved answers. */
export function draftsOf(framework: Pick<Framework, 'dimensions'>, answers: Answer[]): Drafts {
  const byCriterion = new Map(answers.map((answer) => [answer.criterionId, answer]));
  const drafts: Drafts = {};
  for (const criterion of criteriaOf(framework)) {
    const answer = byCriterion.get(criterion.id);
    const saved = new Map((answer?.values ?? []).map((value) => [value.indicatorId, value.value]));
    drafts[criterion.id] = {
      narrative: answer?.narrative ?? '',
      evidence: (answer?.evidence ?? []).map(({ label, url }) => ({ label, url })),
      values: Object.fromEntries(
        valuedIndicators(criterion).map((indicator) => [indicator.id, draftValue(indicator, saved.get(indicator.id))]),
      ),
    };
  }
  return drafts;
}

/** Where each sent answer came from, to put the API's field errors back next to the right input. */
export interface SentAnswer {
  criterionId: string;
  /** The indicator of each sent value, by its index in `values`. */
  indicatorIds: string[];
  /** The evidence row (as shown) of each sent piece of evidence, by its index in `evidence`. */
  evidenceRows: number[];
}

/** What is wrong with one criterion's answer, part by part. */
export interface CriterionProblems {
  narrative?: string;
  evidence?: string;
  /** By evidence row as shown. */
  evidenceRows?: Record<number, { label?: string; url?: string }>;
  /** By indicator id. */
  indicators?: Record<string, string>;
  other?: string[];
}

export interface SheetProblems {
  /** By criterion id. */
  criteria: Record<string, CriterionProblems>;
  recommendations?: string;
  general: string[];
}

export const noProblems = (): SheetProblems => ({ criteria: {}, general: [] });

export const hasProblems = (problems: SheetProblems): boolean =>
  problems.general.length > 0 || problems.recommendations !== undefined || Object.keys(problems.criteria).length > 0;

/** The message key of a quantity that is not a number, found before sending. */
export const NOT_A_NUMBER = 'app.evaluation.assess.notANumber';

/** A value as the API takes it: a number, yes / no, or `null` to clear it. */
function sentValue(indicator: Indicator, value: DraftValue): number | boolean | null {
  if (value === null) return null;
  if (indicator.kind === 'quantitative') {
    const text = String(value).trim().replace(',', '.');
    return text === '' ? null : Number(text);
  }
  return value as number | boolean;
}

/**
 * The answers to send for the criteria touched (in the framework's order), with where each part
 * came from; problems found before sending (a quantity that is no number) keep it from being sent.
 */
export function answersToSend(
  framework: Pick<Framework, 'dimensions'>,
  drafts: Drafts,
  touched: ReadonlySet<string>,
): { answers: AnswerInput[]; sent: SentAnswer[]; problems: SheetProblems } {
  const answers: AnswerInput[] = [];
  const sent: SentAnswer[] = [];
  const problems = noProblems();
  for (const criterion of criteriaOf(framework)) {
    if (!touched.has(criterion.id)) continue;
    const draft = drafts[criterion.id];
    const indicators = valuedIndicators(criterion);
    const values: AnswerInput['values'] = [];
    for (const indicator of indicators) {
      const value = sentValue(indicator, draft.values[indicator.id] ?? null);
      if (typeof value === 'number' && !Number.isFinite(value)) {
        const criterionProblems = (problems.criteria[criterion.id] ??= {});
        (criterionProblems.indicators ??= {})[indicator.id] = NOT_A_NUMBER;
        continue;
      }
      values.push({ indicatorId: indicator.id, value });
    }
    const evidenceRows: number[] = [];
    const evidence: EvidenceDraft[] = [];
    if (criterion.evidenceAllowed) {
      draft.evidence.forEach((row, index) => {
        const label = row.label.trim();
        const url = row.url.trim();
        if (label === '' && url === '') return;
        evidenceRows.push(index);
        evidence.push({ label, url });
      });
    }
    const narrative = draft.narrative.trim();
    answers.push({
      criterionId: criterion.id,
      narrative: narrative === '' ? null : narrative,
      ...(criterion.evidenceAllowed ? { evidence } : {}),
      ...(values.length > 0 ? { values } : {}),
    });
    sent.push({ criterionId: criterion.id, indicatorIds: values.map((value) => value.indicatorId), evidenceRows });
  }
  return { answers, sent, problems };
}

type ErrorNode = string | { [key: string]: ErrorNode } | undefined;

/** Every message under a node of the form-shaped errors. */
function messagesIn(node: ErrorNode): string[] {
  if (node === undefined) return [];
  if (typeof node === 'string') return [node];
  return Object.values(node).flatMap(messagesIn);
}

const child = (node: ErrorNode, key: string | number): ErrorNode =>
  node !== undefined && typeof node === 'object' ? node[String(key)] : undefined;

/**
 * The API's field errors (`answers.2.values.0.value`, in react-admin's form shape, see the data
 * provider) put back on the criterion, indicator and evidence row they are about.
 */
export function problemsOf(errors: Record<string, unknown> | undefined, sent: SentAnswer[]): SheetProblems {
  const problems = noProblems();
  if (!errors) return problems;
  for (const [key, node] of Object.entries(errors as Record<string, ErrorNode>)) {
    if (key === 'root') continue;
    if (key === 'recommendations') {
      problems.recommendations = messagesIn(node).join(' ');
    } else if (key !== 'answers' || typeof node === 'string') {
      problems.general.push(...messagesIn(node));
    }
  }
  const answers = child(errors as ErrorNode, 'answers');
  if (answers === undefined || typeof answers === 'string') return problems;
  for (const [index, answerNode] of Object.entries(answers)) {
    const origin = sent[Number(index)];
    if (!origin) {
      problems.general.push(...messagesIn(answerNode));
      continue;
    }
    const found: CriterionProblems = {};
    const other: string[] = [];
    if (typeof answerNode === 'string') other.push(answerNode);
    else {
      for (const [part, partNode] of Object.entries(answerNode ?? {})) {
        if (part === 'narrative') found.narrative = messagesIn(partNode).join(' ');
        else if (part === 'evidence') {
          if (typeof partNode === 'string') found.evidence = partNode;
          else {
            for (const [row, rowNode] of Object.entries(partNode ?? {})) {
              const shown = origin.evidenceRows[Number(row)];
              if (shown === undefined) {
                other.push(...messagesIn(rowNode));
                continue;
              }
              const label = messagesIn(child(rowNode, 'label')).join(' ') || undefined;
              const url = messagesIn(child(rowNode, 'url')).join(' ') || undefined;
              const rest = typeof rowNode === 'string' ? [rowNode] : [];
              (found.evidenceRows ??= {})[shown] = { label, url: url ?? (rest.join(' ') || undefined) };
            }
          }
        } else if (part === 'values' && typeof partNode !== 'string') {
          for (const [valueIndex, valueNode] of Object.entries(partNode ?? {})) {
            const indicatorId = origin.indicatorIds[Number(valueIndex)];
            if (indicatorId === undefined) other.push(...messagesIn(valueNode));
            else (found.indicators ??= {})[indicatorId] = messagesIn(valueNode).join(' ');
          }
        } else other.push(...messagesIn(partNode));
      }
    }
    if (other.length > 0) found.other = other;
    problems.criteria[origin.criterionId] = found;
  }
  return problems;
}

/** What a 422 `assessment_incomplete` lists, per criterion: whether its narrative is missing, and which indicators. */
export interface MissingParts {
  narrative: boolean;
  indicators: string[];
}

export function missingPartsOf(missing: MissingAnswer[]): Record<string, MissingParts> {
  const parts: Record<string, MissingParts> = {};
  for (const gap of missing) {
    parts[gap.criterionId] = {
      narrative: gap.missing.includes('narrative'),
      indicators: gap.missing
        .filter((item) => item.startsWith('indicator:'))
        .map((item) => item.slice('indicator:'.length)),
    };
  }
  return parts;
}
