// Moved to core (it is pure, and the mapping service and the CLI need it); kept here for its
// state and UI importers until they import it from core.
export {
  breakdownColumns,
  type LoadedTable,
  presentColumns,
  scorecardSchema,
} from '../core/model/scorecardSchema';
