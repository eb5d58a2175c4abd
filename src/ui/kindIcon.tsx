import type { ColumnKind } from '../core/model/columnKind';
import { t } from '../i18n/t';

// Short glyphs a spreadsheet user reads at a glance; the full name is the accessible label.
const GLYPH: Record<ColumnKind, string> = {
  number: '#',
  text: 'Aa',
  boolean: '✓',
  date: 'D',
  timestamp: 'DT',
};

export function kindLabel(kind: ColumnKind): string {
  return t(`kind.${kind}`);
}

export function KindIcon({ kind }: { kind: ColumnKind }) {
  return (
    <span className="kind-icon" title={kindLabel(kind)} role="img" aria-label={kindLabel(kind)}>
      {GLYPH[kind]}
    </span>
  );
}
