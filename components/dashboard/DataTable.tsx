import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** Short values (order numbers, dates, buttons) that must not wrap mid-word. */
  nowrap?: boolean;
}

/** A plain, scrollable data table in the admin's style; text only (React escapes it), never HTML. */
export function DataTable<T>(props: { columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string; caption: string; empty?: ReactNode; testId?: string }) {
  return (
    <div className="pmg-table-wrap">
      <table className="pmg-table" data-testid={props.testId}>
        <caption className="pmg-visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'pmg-table__num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={props.columns.length} className="pmg-table__empty">
                {props.empty}
              </td>
            </tr>
          ) : (
            props.rows.map((row) => (
              <tr key={props.rowKey(row)}>
                {props.columns.map((c) => (
                  <td key={c.key} className={[c.numeric && 'pmg-table__num', c.nowrap && 'pmg-table__nowrap'].filter(Boolean).join(' ') || undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / next with "21–40 of 312". */
export function Pager(props: { offset: number; limit: number; total: number; onChange: (offset: number) => void; labels: { previous: string; next: string; range: string } }) {
  return (
    <div className="pmg-pager">
      <button type="button" className="pmg-button" disabled={props.offset === 0} onClick={() => props.onChange(Math.max(0, props.offset - props.limit))}>
        {props.labels.previous}
      </button>
      <span className="pmg-text--secondary">{props.labels.range}</span>
      <button type="button" className="pmg-button" disabled={props.offset + props.limit >= props.total} onClick={() => props.onChange(props.offset + props.limit)}>
        {props.labels.next}
      </button>
    </div>
  );
}
