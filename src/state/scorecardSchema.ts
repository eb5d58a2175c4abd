/**
 * The scorecard's view of the loaded tables lives with its runner (src/app/scorecard);
 * the stores and screens that still import it from here are moved over by their owners.
 */
export { breakdownColumns, type LoadedTable, scorecardSchema } from '../app/scorecard/scorecardSchema';
