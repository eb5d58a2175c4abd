import type { CanonicalTableName } from './canonical';
import { type ColumnProfile, isCategorical, vocabularyShare } from './classifyProfile';
import {
  DEPARTMENT_VALUES,
  EXPENSE_CATEGORY_VALUES,
  LEAD_STATUS_VALUES,
  PERSON_VALUES,
  PLATFORM_VALUES,
  PRIORITY_VALUES,
  SOURCE_VALUES,
  STAGE_VALUES,
  TICKET_STATUS_VALUES,
} from './classifyVocabulary';

type Evidence = Partial<Record<CanonicalTableName, number>>;

/** A header's words, lower case, camelCase and separators split: "DateOfJoining" → " date of joining ". */
export function headerWords(header: string): string {
  const spaced = header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9\u0600-\u06ff]+/g, ' ')
    .trim();
  return ` ${spaced} `;
}

type Rule = readonly [RegExp, number];

/**
 * Words in headers that point at a table, with how strongly. Most files carry a
 * couple of words from other tables ("Lead Source" on an opportunity), so each
 * weight is modest and the sum per table is capped by the caller.
 */
const HEADER_RULES: Readonly<Record<CanonicalTableName, readonly Rule[]>> = {
  deals: [
    [/ (deal|deals|opportunity|opportunities|opp) /, 1.2],
    [/ (deal )?stage( name)? /, 0.8],
    [/ pipeline /, 0.5],
    [/ clos(e|ing|ed) (date|value|amount|on) /, 0.6],
    [/ (is )?(won|lost) /, 0.6],
    [/ probability /, 0.6],
    [/ (forecast|expected revenue|est revenue) /, 0.5],
    [/ engage date /, 0.4],
  ],
  leads: [
    [/ lead (id|status|owner|score|created|creation|name|rating) /, 1.2],
    [/ (mql|sql|mqls) /, 1.0],
    [/ lifecycle /, 1.0],
    [/ (first contact|landing page) /, 0.6],
    [/ conver(ted|sion) (date|time|account) /, 0.6],
    [/ (utm|origin) /, 0.4],
    [/ lead /, 0.3],
  ],
  customers: [
    [/ (customer|client|cust) (id|since|name|segment|type)? ?/, 0.4],
    [/ churn(ed)? /, 1.0],
    [/ (segment|tier) /, 0.4],
    [/ (income|recency|frequency|monetary|kidhome|teenhome|mnt|year birth|dt customer) /, 0.7],
    [/ (ltv|clv|lifetime value) /, 0.8],
    [/ (signup|sign up|subscription|plan|mrr|arr|tenure) /, 0.5],
    [/ (accepted cmp\d*|complain) /, 0.6],
    [/ num \w+ purchases /, 0.6],
    [/ account (id|name|type|source|owner) /, 0.5],
  ],
  orders: [
    [/ (order|orders|invoice|transaction) /, 1.1],
    [/ (quantity|qty|units) /, 0.8],
    [/ unit (price|cost) /, 0.8],
    [/ (sku|product|item) /, 0.4],
    [/ (discount|subtotal|line total|ship|shipping) /, 0.5],
  ],
  tickets: [
    [/ (ticket|case|incident) /, 1.2],
    [/ priority /, 0.7],
    [/ (agent|assignee) /, 0.7],
    [/ resol(ution|ved) /, 0.7],
    [/ (first (response|reply)|response time|reply time) /, 1.0],
    [/ sla /, 0.8],
    [/ subject /, 0.3],
    [/ escalat\w* /, 0.6],
  ],
  surveys: [
    [/ survey /, 1.2],
    [/ (nps|recommend|likely to recommend) /, 1.0],
    [/ (csat|ces|effort) /, 0.8],
    [/ (score|rating) /, 0.3],
    [/ satisf\w* /, 0.4],
    [/ (feedback|comments?|verbatim) /, 0.4],
    [/ (submitted|answered|respon(se|dent) (id|date)|submission) /, 0.8],
    [/ q\d+ /, 0.5],
  ],
  marketing: [
    [/ impressions? /, 1.0],
    [/ clicks? /, 0.7],
    [/ (spend|spent|ad spend) /, 1.0],
    [/ (cpc|ctr|cpm|cpa|roas|roi) /, 0.7],
    [/ campaign /, 0.5],
    [/ (ad|ads|ad set|ad group|adset|adgroup) /, 0.6],
    [/ budget /, 0.4],
    [/ (acquisition cost|cost per) /, 0.6],
  ],
  web: [
    [/ sessions? /, 1.0],
    [/ page ?views? /, 1.0],
    [/ (users|visitors|visits|new users) /, 0.6],
    [/ bounce /, 1.0],
    [/ (avg session|session duration|time on page) /, 0.8],
    [/ goal /, 0.4],
  ],
  social: [
    [/ followers? /, 1.2],
    [/ (likes|shares|retweets|mentions|reactions) /, 0.6],
    [/ posts? /, 0.6],
    [/ engagements? /, 0.5],
    [/ platform /, 0.5],
    [/ reach /, 0.4],
  ],
  employees: [
    [/ (employee|emp|staff|worker) /, 1.0],
    [/ (hire|hired|hiring|joining|join date|date of joining) /, 1.2],
    [/ (termination|terminated|exit date|attrition|left company) /, 1.0],
    [/ (department|dept) /, 0.7],
    [/ (job title|position|designation|job role) /, 0.5],
    [/ (salary|pay rate|wage|monthly income) /, 0.7],
    [/ performance /, 0.3],
  ],
  attendance: [
    [/ absen\w* /, 1.2],
    [/ (scheduled hours|hours scheduled|shift) /, 1.0],
    [/ (hours worked|worked hours) /, 0.8],
    [/ (sick|leave hours) /, 0.6],
  ],
  training: [
    [/ (training|course|certification|learning|workshop) /, 1.0],
    [/ hours /, 0.2],
  ],
  expenses: [
    [/ expenses? /, 1.2],
    [/ (vendor|supplier|payee|merchant) /, 0.8],
    [/ category /, 0.4],
    [/ (receipt|reimburs\w*|cost cent(er|re)|gl account) /, 0.8],
  ],
};

/** Most a table can gain from its header words, so a wide file does not win on breadth alone. */
const HEADER_CAP = 3.5;
/** Most a table can gain from its values. */
const VALUE_CAP = 4;

export function headerEvidence(headers: readonly string[]): Evidence {
  const out: Evidence = {};
  for (const [table, rules] of Object.entries(HEADER_RULES) as [CanonicalTableName, readonly Rule[]][]) {
    let sum = 0;
    for (const h of headers) {
      const words = headerWords(h);
      // A header counts once per table, at its strongest rule.
      let best = 0;
      for (const [re, w] of rules) if (re.test(words)) best = Math.max(best, w);
      sum += best;
    }
    if (sum > 0) out[table] = Math.min(HEADER_CAP, sum);
  }
  return out;
}

/** Headers of counts, ages and durations: small whole numbers there are not scores. */
const NOT_A_SCORE =
  / (id|qty|quantity|count|num|number|hours|days|age|kid|kidhome|teenhome|children|year|years|visits|items|units|tenure|floor|month|day|week|cmp\d*|rank|level|priority|contacts|stock) /;

function add(e: Evidence, table: CanonicalTableName, w: number) {
  e[table] = (e[table] ?? 0) + w;
}

/** Counted once per kind of column, so ten stage-like columns do not outweigh everything. */
interface Seen {
  scores: number;
}

function scoreEvidence(p: ColumnProfile, e: Evidence, seen: Seen) {
  if (p.kind !== 'number' || p.filled < 3 || p.integerShare < 0.99) return;
  if (NOT_A_SCORE.test(headerWords(p.name))) return;
  const max = p.max ?? 0;
  const min = p.min ?? 0;
  let w = 0;
  if (p.in0to10 >= 0.99 && min <= 1 && max >= 9 && p.distinct >= 6) w = 1.6;
  else if (p.in1to7 >= 0.99 && min >= 1 && max >= 6 && max <= 7 && p.distinct >= 4) w = 1.0;
  else if (p.in1to5 >= 0.99 && min >= 1 && max >= 4 && p.distinct >= 3) w = 1.0;
  if (w === 0) return;
  // The first score says "survey"; further ones add a little (driver scores).
  add(e, 'surveys', seen.scores === 0 ? w : 0.4);
  seen.scores++;
}

function labelEvidence(p: ColumnProfile, e: Evidence) {
  if (isCategorical(p)) {
    const stage = vocabularyShare(p, STAGE_VALUES);
    if (stage >= 0.5) add(e, 'deals', 2.5);
    if (vocabularyShare(p, LEAD_STATUS_VALUES) >= 0.6) add(e, 'leads', 1.8);
    if (vocabularyShare(p, SOURCE_VALUES) >= 0.6) {
      add(e, 'leads', 0.8);
      add(e, 'customers', 0.2);
    }
    if (vocabularyShare(p, TICKET_STATUS_VALUES) >= 0.7 && stage < 0.3) add(e, 'tickets', 1.0);
    if (vocabularyShare(p, PRIORITY_VALUES) >= 0.7) add(e, 'tickets', 1.3);
    if (vocabularyShare(p, PLATFORM_VALUES) >= 0.6) {
      add(e, 'marketing', 0.8);
      add(e, 'social', 0.8);
    }
    if (vocabularyShare(p, DEPARTMENT_VALUES) >= 0.6) add(e, 'employees', 1.3);
    if (vocabularyShare(p, EXPENSE_CATEGORY_VALUES) >= 0.6) add(e, 'expenses', 1.3);
    if (vocabularyShare(p, PERSON_VALUES) >= 0.8) {
      add(e, 'customers', 0.3);
      add(e, 'employees', 0.3);
    }
  }
  // Long free text with line breaks: what a customer wrote to support.
  if (p.kind === 'text' && p.filled > 0 && (p.multilineShare >= 0.1 || p.meanLength >= 80)) {
    add(e, 'tickets', 1.0);
    add(e, 'surveys', 0.3);
  }
}

/** What the values of the columns say about the table. */
export function valueEvidence(profiles: readonly ColumnProfile[]): Evidence {
  const e: Evidence = {};
  const seen: Seen = { scores: 0 };
  for (const p of profiles) {
    scoreEvidence(p, e, seen);
    labelEvidence(p, e);
  }
  for (const k of Object.keys(e) as CanonicalTableName[]) e[k] = Math.min(VALUE_CAP, e[k] ?? 0);
  return e;
}
