import { messagesText, type NotebookMessage, notebookMessage } from '../core/notebook/messages';
import type { SqlErrorPosition } from '../core/notebook/sqlError';
import type { CellHalt, NotebookCell, ResultTable } from '../core/notebook/types';

export type CellStatus = 'idle' | 'queued' | 'running' | 'ok' | 'error' | 'stale';

/** What the notebook knows about a cell's last run; never saved (the cell's `halted` is). */
export interface CellRun {
  status: CellStatus;
  /** How many times the cell has finished a run: tests and the UI read it to see what reran. */
  runs: number;
  /** The English of `problems`, joined: what tests and logs read. */
  error: string | null;
  /** Why the last run failed, shown through the catalogue; empty unless it failed. */
  problems: NotebookMessage[];
  errorAt: SqlErrorPosition | null;
  result: ResultTable | null;
  /** More rows than the preview shows. */
  truncated: boolean;
  ms: number | null;
  /** When the run in flight started (performance.now()), for the "running for N s" the UI shows. */
  startedAt?: number | null;
}

export const idleRun = (): CellRun => ({
  status: 'idle',
  runs: 0,
  error: null,
  problems: [],
  errorAt: null,
  result: null,
  truncated: false,
  ms: null,
  startedAt: null,
});

/** Problems that mean the engine itself failed or was stopped: the cell then waits for Run on open. */
export function haltOf(problems: readonly NotebookMessage[]): CellHalt | undefined {
  const [p] = problems;
  if (p === undefined) return undefined;
  if (p.code === 'timed-out' || p.code === 'cancelled')
    return { code: p.code, seconds: (p as NotebookMessage<'timed-out'>).params.seconds };
  if (p.code === 'engine') return { code: 'failed', message: messagesText(problems).slice(0, 2000) };
  return undefined;
}

/** The run state a halted cell opens with: its last failure, shown until the user presses Run. */
export function haltedRun(cell: NotebookCell): CellRun {
  const h = cell.halted;
  if (h === undefined) return idleRun();
  const seconds = h.seconds ?? 0;
  const problem =
    h.code === 'failed'
      ? notebookMessage('engine', { message: h.message ?? '' })
      : notebookMessage(h.code, { seconds });
  return { ...idleRun(), status: 'error', error: problem.message, problems: [problem] };
}
