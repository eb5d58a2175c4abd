/**
 * A failure the app explains itself, written in the language shown: an open whose tables
 * the engine would not take, or a new workbook that could not be started. The engine's
 * own words never reach the page.
 */
export interface WorkbookProblem {
  code: 'open-failed' | 'new-failed';
  /** The workbook file the user opened ('' for a new workbook). */
  file: string;
}

/** The English of a problem (the CLI prints it; the page writes it from the code in its language). */
export function problemText({ code, file }: WorkbookProblem): string {
  return code === 'open-failed'
    ? `The workbook ${file} could not be opened: its tables could not be put into the database. The workbook you had is still open. Try opening it again; if it fails again, reload the page and open it first.`
    : 'A new workbook could not be started; the open one is unchanged. Reload the page to start afresh.';
}
