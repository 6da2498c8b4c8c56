import { useId, type ReactNode } from "react";

/** One column of a DataTable: its header and how a row fills its cell. */
export interface Column<Row> {
  /** Unique in the table; React's key. */
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The cell names its row (`<th scope="row">`): a screen reader announces it with every other cell. */
  rowHeader?: boolean;
  /** Counts: right-aligned, in figures of one width, the header too. */
  numeric?: boolean;
  /** More classes of the column's cells (not its header), or of one row's cell. */
  className?: string | ((row: Row) => string);
  /** The column's cell in the closing row (`<tfoot>`), such as a total; the row is there when a column has one. */
  footer?: ReactNode;
  /** The rows are in this column's order (`aria-sort` of its header), for a table that can be sorted. */
  sort?: "ascending" | "descending";
  /** `data-testid` of each of the column's cells, for tests that read one cell of a row. */
  testId?: string;
}

/** A table is named by its caption, or by a heading already on the page (so its words are not said twice). */
type Name = { caption: ReactNode; captionId?: string; captionVisible?: boolean } | { labelledBy: string };

const PADDING = {
  comfortable: { header: "py-2 pr-4", cell: "py-2 pr-4" },
  compact: { header: "px-2 py-2", cell: "px-2 py-1.5" },
} as const;

const classes = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(" ");

/**
 * The portal's list table: a caption (or a heading) naming it, column headers with scope, a row header
 * where a row has a name, scrolling sideways inside its own box on a narrow screen. `focusable` makes that box
 * a named region a keyboard can scroll, for the wide tables. `compact` is the staff pages' denser type.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowData,
  compact = false,
  focusable = false,
  testId,
  className = "mt-4",
  ...name
}: Name & {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** `data-*` attributes of a row, for tests and scripts that find a row by its record. */
  rowData?: (row: Row) => Record<`data-${string}`, string | number>;
  compact?: boolean;
  focusable?: boolean;
  testId?: string;
  /** The box's margin. */
  className?: string;
}) {
  const generatedId = useId();
  const captionId = "caption" in name ? (name.captionId ?? generatedId) : undefined;
  const labelId = "labelledBy" in name ? name.labelledBy : captionId;
  const padding = PADDING[compact ? "compact" : "comfortable"];
  const region = focusable ? { role: "region", "aria-labelledby": labelId, tabIndex: 0 } : {};
  return (
    <div className={classes(className, "overflow-x-auto")} {...region}>
      <table
        className={classes("w-full border-collapse text-left", compact && "text-sm")}
        aria-labelledby={"labelledBy" in name ? name.labelledBy : undefined}
        data-testid={testId}
      >
        {"caption" in name && (
          <caption id={captionId} className={name.captionVisible ? "text-left font-bold" : "sr-only"}>
            {name.caption}
          </caption>
        )}
        <thead>
          <tr className="border-b-2 border-slate-400">
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                aria-sort={column.sort}
                className={classes(padding.header, column.numeric && "text-right")}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-slate-200 align-top" {...rowData?.(row)}>
              {columns.map((column) => {
                const className = classes(
                  padding.cell,
                  column.numeric && "text-right tabular-nums",
                  typeof column.className === "function" ? column.className(row) : column.className,
                );
                return column.rowHeader ? (
                  <th key={column.id} scope="row" className={className} data-testid={column.testId}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.id} className={className} data-testid={column.testId}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {columns.some((column) => column.footer !== undefined) && (
          <tfoot>
            <tr className="border-t-2 border-slate-400 font-bold">
              {columns.map((column) => {
                const className = classes(padding.header, column.numeric && "text-right tabular-nums");
                return column.rowHeader ? (
                  <th key={column.id} scope="row" className={className}>
                    {column.footer}
                  </th>
                ) : (
                  <td key={column.id} className={className}>
                    {column.footer}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
