import { canonicalColumnDescriptionIn, canonicalTableDescriptionIn } from './canonicalFa';
import { activeLocale } from './locale';

/** A canonical table's description in the language shown. */
export function canonicalTableDescription(table: string): string {
  return canonicalTableDescriptionIn(activeLocale(), table);
}

/** A canonical column's description in the language shown. */
export function canonicalColumnDescription(table: string, column: string): string {
  return canonicalColumnDescriptionIn(activeLocale(), table, column);
}
