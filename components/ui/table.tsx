import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";
import { UiText } from "./ui-text";

/** Scroll container + table. Wide tables scroll sideways on phones instead of squashing. */
export function Table({ className, children, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="w-full overflow-x-auto overscroll-x-contain">
      <table {...props} className={cn("w-full border-collapse text-left text-sm", className)}>
        {children}
      </table>
    </div>
  );
}

export function TableHeader({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead {...props} className={cn("border-b border-line bg-surface", className)} />;
}

export function TableBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props} className={cn("divide-y divide-line", className)} />;
}

export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr {...props} className={cn("transition-colors hover:bg-surface/70", className)} />;
}

type Align = "left" | "right" | "center";
const aligns: Record<Align, string> = { left: "text-left", right: "text-right", center: "text-center" };

export function TableHead({
  className,
  align = "left",
  ...props
}: ThHTMLAttributes<HTMLTableCellElement> & { align?: Align }) {
  return (
    <th
      scope="col"
      {...props}
      className={cn(
        "h-10 px-4 text-xs font-medium whitespace-nowrap text-ink-muted first:pl-5 last:pr-5",
        aligns[align],
        className,
      )}
    />
  );
}

/** Cells keep to one line so narrow screens scroll the table sideways; set `wrap` for long free text. */
export function TableCell({
  className,
  align = "left",
  wrap,
  ...props
}: TdHTMLAttributes<HTMLTableCellElement> & { align?: Align; wrap?: boolean }) {
  return (
    <td
      {...props}
      className={cn(
        "px-4 py-3 align-middle text-ink first:pl-5 last:pr-5",
        wrap ? "min-w-48" : "whitespace-nowrap",
        aligns[align],
        className,
      )}
    />
  );
}

export function TableCaption({ className, ...props }: HTMLAttributes<HTMLTableCaptionElement>) {
  return <caption {...props} className={cn("sr-only", className)} />;
}

export type DataTableColumn<Row> = {
  /** Unique per table; also the property read when no `cell` is given. */
  key: string;
  header: ReactNode;
  cell?: (row: Row) => ReactNode;
  /** Use "right" for money and counts. */
  align?: Align;
  /** Let long text wrap instead of scrolling sideways. */
  wrap?: boolean;
  className?: string;
};

export type DataTableProps<Row> = {
  columns: DataTableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the body when rows is empty; defaults to "No results". Use an <EmptyState bare />. */
  empty?: ReactNode;
  /** Screen-reader caption describing the table. */
  caption?: string;
  className?: string;
};

/** A simple table from column definitions. Server-renderable: `cell` runs where the table renders. */
export function DataTable<Row>({ columns, rows, rowKey, empty, caption, className }: DataTableProps<Row>) {
  return (
    <Table className={className}>
      {caption && <TableCaption>{caption}</TableCaption>}
      <TableHeader>
        <tr>
          {columns.map((col) => (
            <TableHead key={col.key} align={col.align}>
              {col.header}
            </TableHead>
          ))}
        </tr>
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="p-0">
              {empty ?? (
                <p className="px-5 py-10 text-center text-sm text-ink-subtle">
                  <UiText k="noResults" />
                </p>
              )}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((col) => (
                <TableCell
                  key={col.key}
                  align={col.align}
                  wrap={col.wrap}
                  className={cn(col.align === "right" && "tabular-nums", col.className)}
                >
                  {col.cell ? col.cell(row) : String((row as Record<string, unknown>)[col.key] ?? "")}
                </TableCell>
              ))}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
