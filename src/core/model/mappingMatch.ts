import { editDistance } from '../formula/suggest';
import type { ColumnKind } from './columnKind';

/**
 * How headers are compared with preset headers and canonical names: case,
 * spaces, dashes and underscores do not count (crm-exports.md).
 */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s\-_]+/g, '');
}

/**
 * Other names exports commonly give a canonical column, for suggestions when no
 * preset fits. Keyed by canonical column name, shared by every table with it.
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  created_at: [
    'created',
    'create date',
    'created date',
    'created on',
    'date created',
    'created time',
    'creation date',
    'date opened',
    'opened',
    'add time',
    'first contact date',
    'engage date',
    'signup date',
    'start date',
  ],
  churned_at: ['churn date', 'churned', 'cancelled at', 'canceled at', 'cancel date', 'end date'],
  closed_at: ['close date', 'closed date', 'closing date', 'closed on', 'date closed'],
  converted_at: ['converted date', 'conversion date', 'converted on'],
  resolved_at: ['resolved', 'resolution date', 'closed at', 'close date', 'solved at'],
  first_response_at: ['first response', 'first reply', 'first response time', 'first reply at'],
  answered_at: [
    'answered',
    'response date',
    'submitted at',
    'submitted',
    'submission date',
    'timestamp',
    'date',
  ],
  ordered_at: ['order date', 'ordered', 'invoice date', 'date'],
  hired_at: ['hire date', 'date of hire', 'hired', 'start date', 'joined', 'date of joining', 'joining date'],
  left_at: ['leave date', 'termination date', 'date of termination', 'exit date', 'end date', 'left'],
  amount: ['value', 'deal value', 'deal amount', 'close value', 'est revenue', 'total'],
  revenue: ['net revenue', 'sales', 'total', 'amount'],
  owner: ['rep', 'sales rep', 'sales agent', 'salesperson', 'assigned to', 'account manager'],
  agent: ['assignee', 'assigned to', 'owner', 'assigned agent'],
  stage: ['deal stage', 'status', 'pipeline stage'],
  spend: ['cost', 'spent', 'amount spent', 'ad spend'],
  channel: ['platform', 'medium', 'channel used', 'network'],
  impressions: ['impr', 'views'],
  source: ['lead source', 'origin', 'utm source'],
  segment: ['tier', 'customer segment'],
  // Survey questions are named by their wording: "How likely are you to recommend us to a friend?".
  nps: ['recommend', 'likely to recommend', 'net promoter', 'nps score'],
  csat: ['satisfaction', 'satisfied', 'csat score'],
  ces: ['effort', 'customer effort', 'ces score'],
};

/** 0..1: how alike two names are once normalized; containment counts as close. */
function nameSimilarity(a: string, b: string): number {
  const x = normalizeHeader(a);
  const y = normalizeHeader(b);
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  const longer = Math.max(x.length, y.length);
  const byEdits = 1 - editDistance(x, y) / longer;
  const shorter = x.length < y.length ? x : y;
  const contains = shorter.length >= 4 && (x.includes(y) || y.includes(x)) ? 0.8 : 0;
  return Math.max(byEdits, contains);
}

/** Words naming whom a column is about, which keeps one kind of person out of another's slot. */
const PARTY = /(account|company|customer|client|organi[sz]ation|org)/;
const PERSON_IN_CHARGE = /(owner|manager|rep|agent|user|assigned|assignee|salesperson)/;

/**
 * Whether a header names a different party than the canonical column: an account
 * or company column is never the owner or the agent ("Account Name" is not an
 * "account manager").
 */
export function roleConflict(header: string, canonicalColumn: string): boolean {
  if (canonicalColumn !== 'owner' && canonicalColumn !== 'agent') return false;
  const h = normalizeHeader(header);
  return PARTY.test(h) && !PERSON_IN_CHARGE.test(h);
}

/** The best similarity of a header to a canonical column, through its synonyms too. */
export function columnSimilarity(header: string, canonicalColumn: string): number {
  const names = [canonicalColumn, ...(SYNONYMS[canonicalColumn] ?? [])];
  // A synonym is a weaker sign than the canonical name itself.
  return Math.max(...names.map((n, i) => nameSimilarity(header, n) * (i === 0 ? 1 : 0.95)));
}

/** Whether a column read as `found` can stand for a canonical column of kind `wanted`. */
export function kindFits(wanted: ColumnKind, found: ColumnKind): boolean {
  switch (wanted) {
    case 'text':
      return true;
    case 'date':
    case 'timestamp':
      return found === 'date' || found === 'timestamp';
    default:
      return found === wanted;
  }
}

export const KIND_WORDS: Readonly<Record<ColumnKind, string>> = {
  number: 'numbers',
  text: 'text',
  boolean: 'true/false values',
  date: 'dates',
  timestamp: 'dates and times',
};
