/**
 * Run ids: every run of a cell takes a fresh number, and only the newest run of a
 * cell may write its result. A slow query that finishes after the user edited and
 * reran the cell is dropped instead of overwriting the newer answer.
 */
export class RunLedger {
  private next = 1;
  private readonly latest = new Map<string, number>();

  /** Starts a run of `cellId`; any earlier run of it becomes stale. */
  begin(cellId: string): number {
    const id = this.next++;
    this.latest.set(cellId, id);
    return id;
  }

  isCurrent(cellId: string, runId: number): boolean {
    return this.latest.get(cellId) === runId;
  }

  /** Makes every run of `cellId` stale (the cell was deleted, or its input changed). */
  invalidate(cellId: string): void {
    this.latest.set(cellId, this.next++);
  }
}
