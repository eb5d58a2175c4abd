import type { CanonicalTableName } from '../canonical';

/**
 * The headers one CRM export uses for a canonical table. Headers are matched
 * ignoring case, spaces, dashes and underscores, so one spelling covers
 * "Create Date", "create_date" and "CREATE-DATE". For each canonical column the
 * headers are tried in order: the first one present wins.
 */
export interface MappingPreset {
  readonly id: string;
  readonly crm: string;
  /** The CRM's own name for the object, e.g. Opportunity. */
  readonly object: string;
  readonly label: string;
  readonly table: CanonicalTableName;
  readonly columns: Readonly<Partial<Record<string, readonly string[]>>>;
}
