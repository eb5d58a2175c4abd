import type { Comparison } from '../../core/kpi/evaluate';
import { changeClass, formatChange } from './formatKpi';
import { type ThinWhere, thinText } from './thinText';

interface Shape {
  readonly format: Parameters<typeof formatChange>[1]['format'];
  readonly unit: Parameters<typeof formatChange>[1]['unit'];
  readonly table?: string;
}

/**
 * A change in the detail panel's tables: the signed figure, or "n/a" from too little
 * data with the reason beside it (in a panel there is room to say it, not only on hover).
 */
export function ChangeCell({ c, kpi, where }: { c: Comparison; kpi: Shape; where?: ThinWhere }) {
  const reason = where === undefined ? null : thinText(c, where, kpi.table);
  if (reason !== null)
    return (
      <td className="delta sc-thin" title={reason} data-testid={`thin-${where}`}>
        {formatChange(c, kpi)}
        <span className="sc-thin-reason">{reason}</span>
      </td>
    );
  return (
    <td className={changeClass(c)} title={c.change === null ? undefined : formatChange(c, kpi, true)}>
      {c.change === null ? '' : formatChange(c, kpi)}
    </td>
  );
}
