// Ledger CSV export. Text cells that a spreadsheet would run as a formula are quoted with a
// leading apostrophe (CSV injection); numbers are written as numbers.
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

export function ledgerCsv(entries: EntryView[]): string {
  const lines = entries.map((e) =>
    [e.seq, e.createdAt, e.kind, e.amount, e.balanceAfter, e.reference, e.reason, e.actorType, e.actorId]
      .map(csvCell)
      .join(","),
  );
  return [HEADER.join(","), ...lines].join("\r\n") + "\r\n";
}
