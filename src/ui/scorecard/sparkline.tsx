/** A small SVG trend of the last periods; gaps where the data has nothing. */
export function Sparkline({
  values,
  width = 96,
  height = 22,
  label,
}: {
  values: readonly (number | null)[];
  width?: number;
  height?: number;
  label: string;
}) {
  const nums = values.filter((v): v is number => v !== null);
  if (nums.length < 2) return <span className="cell-blank">—</span>;
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, values.length - 1);
  const y = (v: number) =>
    hi === lo ? height / 2 : height - pad - ((v - lo) * (height - 2 * pad)) / (hi - lo);
  // One path with a move at every gap, so a missing period is not bridged by a line.
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      <path d={d} fill="none" stroke="var(--bar)" strokeWidth="1.5" strokeLinejoin="round" />
      {last !== null && <circle cx={x(lastIndex)} cy={y(last)} r="2.2" fill="var(--accent)" />}
    </svg>
  );
}
