/** Which raw stage (or status) values mean a deal was won, lost, or is still open. */
export interface StageOutcomes {
  readonly won: string[];
  readonly lost: string[];
  readonly open: string[];
}

/** Whole values that settle it: HubSpot's internal closedwon, Salesforce IsWon, Dynamics and Pipedrive statuses. */
const WON_VALUES = new Set(['won', 'closedwon', 'true', 'yes', 'موفق']);
const LOST_VALUES = new Set(['lost', 'closedlost', 'false', 'no', 'ناموفق']);

function normalize(v: string): string {
  return v
    .trim()
    .toLowerCase()
    .replace(/[\s\-_]+/g, ' ');
}

function outcomeOf(value: string): 'won' | 'lost' | 'open' {
  const v = normalize(value);
  const compact = v.replaceAll(' ', '');
  // Lost is tested first: "ناموفق" (unsuccessful) contains "موفق" (successful).
  if (LOST_VALUES.has(compact) || /\blost\b/.test(v)) return 'lost';
  if (WON_VALUES.has(compact) || /\bwon\b/.test(v)) return 'won';
  return 'open';
}

/**
 * Suggests won / lost / open for each distinct value of a stage or status column,
 * from the words exports use: "Closed Won", "won", Dynamics Won/Lost, Pipedrive
 * won/lost, Salesforce IsWon true/false. Values keep their raw spelling so the
 * mapping view can match them exactly. IsWon false also covers open deals: when
 * the file has a stage column, map won and lost from it instead.
 */
export function suggestStageOutcome(values: readonly string[]): StageOutcomes {
  const out: StageOutcomes = { won: [], lost: [], open: [] };
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value) || value.trim() === '') continue;
    seen.add(value);
    out[outcomeOf(value)].push(value);
  }
  return out;
}
