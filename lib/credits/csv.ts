// CSV exports (the credits ledger, usage). Text cells that a spreadsheet would run as a formula
// are quoted with a leading apostrophe (CSV injection); numbers are written as numbers.
import type { EntryView } from "./views";

const HEADER = [
  "seq",
  "created_at",
  "kind",
  "amount",
  "balance_after",
  "reference",
  "reason",
  "actor_type",
  "actor_id",
];

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header and rows as CSV text, CRLF line ends. */
export function csvTable(header: readonly string[], rows: readonly (string | number | null)[][]): string {
  return [header.join(","), ...rows.map((row) => row.map(csvCell).join(","))].join("\r\n") + "\r\n";
}

export function ledgerCsv(entries: EntryView[]): string {
  return csvTable(
    HEADER,
    entries.map((e) => [
      e.seq,
      e.createdAt,
      e.kind,
      e.amount,
      e.balanceAfter,
      e.reference,
      e.reason,
      e.actorType,
      e.actorId,
    ]),
  );
}
