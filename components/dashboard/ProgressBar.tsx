/** A determinate progress bar with done (green) and failed (red) segments; the label is read out with it. */
export function ProgressBar(props: { done: number; failed: number; total: number; label: string }) {
  const total = Math.max(props.total, 1);
  const donePct = (props.done / total) * 100;
  const failedPct = (props.failed / total) * 100;
  return (
    <div
      className="pmg-progress"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={props.total}
      aria-valuenow={props.done + props.failed}
      data-testid="bulk-progress"
    >
      <div className="pmg-progress__done" style={{ width: `${donePct}%` }} />
      <div className="pmg-progress__failed" style={{ width: `${failedPct}%` }} />
    </div>
  );
}
