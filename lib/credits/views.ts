// Read models for the credits pages and API (balance, ledger, chart series, one purchase).
import "server-only";
import { z } from "zod";
import type { CreditEntryKind, CreditLedgerEntry, Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { purchaseView, type PurchaseView } from "./purchases";

export { listPackagesForStore } from "./packages";
export { listPaymentMethods } from "./payment-methods";

export const ENTRY_KINDS = [
  "PURCHASE",
  "SPEND",
  "REFUND_REVERSAL",
  "DISPUTE_HOLD",
  "DISPUTE_RELEASE",
  "DISPUTE_LOSS",
  "ADJUSTMENT",
  "EXPIRY",
  "OVERAGE",
] as const satisfies readonly CreditEntryKind[];

export type EntryView = {
  id: string;
  seq: number;
  kind: CreditEntryKind;
  amount: number;
  balanceAfter: number;
  reference: string | null;
  reason: string | null;
  actorType: string;
  actorId: string | null;
  createdAt: string;
};

export function entryView(e: CreditLedgerEntry): EntryView {
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind,
    amount: e.amount,
    balanceAfter: e.balanceAfter,
    reference: e.reference,
    reason: e.reason,
    actorType: e.actorType,
    actorId: e.actorId,
    createdAt: e.createdAt.toISOString(),
  };
}

export async function getBalance(
  storeId: string,
): Promise<{ balance: number; held: number; updatedAt: string | null }> {
  const row = await prisma.creditBalance.findUnique({ where: { storeId } });
  return { balance: row?.balance ?? 0, held: row?.held ?? 0, updatedAt: row?.updatedAt.toISOString() ?? null };
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .or(z.iso.datetime());

/** True for an IANA time zone name this runtime knows ("America/Sao_Paulo", "UTC"). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, "an IANA time zone, e.g. America/Sao_Paulo")
  .optional();

export const LedgerQuery = z.strictObject({
  kind: z.enum(ENTRY_KINDS).optional(),
  from: day.optional(),
  to: day.optional(),
  tz: timeZone,
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,10}$/, "a cursor from nextCursor")
    .optional(),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (−3 h for São Paulo). */
function zoneOffsetMs(tz: string, at: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar day ("2026-03-09") starts in a time zone (DST-safe: the offset is re-read at the result). */
export function startOfDayIn(date: string, tz: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let t = wall - zoneOffsetMs(tz, wall);
  t = wall - zoneOffsetMs(tz, t);
  return new Date(t);
}

/** The calendar day `n` days after `date` ("2026-03-09" + 1 → "2026-03-10"). */
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Plain dates are calendar days in `tz` (default UTC): `from` starts at that day's midnight there
 * and `to` includes its whole day (up to the next local midnight). ISO instants are used as they are.
 * The ledger page sends the zone it shows dates in, so a filtered day holds exactly the rows it shows.
 */
export function ledgerRange(q: Pick<LedgerQuery, "from" | "to" | "tz">): Prisma.DateTimeFilter | undefined {
  if (!q.from && !q.to) return undefined;
  const tz = q.tz ?? "UTC";
  const gte = q.from ? (q.from.length === 10 ? startOfDayIn(q.from, tz) : new Date(q.from)) : undefined;
  const lt = q.to ? (q.to.length === 10 ? startOfDayIn(addDays(q.to, 1), tz) : new Date(q.to)) : undefined;
  return { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) };
}

export function ledgerWhere(storeId: string, q: LedgerQuery): Prisma.CreditLedgerEntryWhereInput {
  const createdAt = ledgerRange(q);
  return { storeId, ...(q.kind ? { kind: q.kind } : {}), ...(createdAt ? { createdAt } : {}) };
}

/** Newest first, paged by seq. */
export async function listLedger(
  storeId: string,
  q: LedgerQuery = {},
): Promise<{ entries: EntryView[]; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  const rows = await prisma.creditLedgerEntry.findMany({
    where: { ...ledgerWhere(storeId, q), ...(q.cursor ? { seq: { lt: Number(q.cursor) } } : {}) },
    orderBy: { seq: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { entries: page.map(entryView), nextCursor: rows.length > limit ? String(page[page.length - 1]!.seq) : null };
}

export const SeriesQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(30),
  tz: timeZone,
});

/** The calendar day ("2026-11-22") an instant falls on in a time zone. */
const dayIn = (at: Date, tz: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

/**
 * Credits bought (PURCHASE) and spent (SPEND) per calendar day in `timeZone` (default UTC), the
 * last `days` days up to today there, zero-filled. The page asks for the zone it shows dates in.
 */
export async function creditSeries(
  storeId: string,
  opts: { days?: number; now?: Date; tz?: string } = {},
): Promise<{ series: { date: string; bought: number; spent: number }[] }> {
  const days = opts.days ?? 30;
  const tz = opts.tz ?? "UTC";
  const first = addDays(dayIn(opts.now ?? new Date(), tz), -(days - 1));
  const rows = await prisma.creditLedgerEntry.findMany({
    where: { storeId, kind: { in: ["PURCHASE", "SPEND"] }, createdAt: { gte: startOfDayIn(first, tz) } },
    select: { kind: true, amount: true, createdAt: true },
  });
  const series = Array.from({ length: days }, (_, i) => ({ date: addDays(first, i), bought: 0, spent: 0 }));
  const byDate = new Map(series.map((s) => [s.date, s]));
  for (const r of rows) {
    const point = byDate.get(dayIn(r.createdAt, tz));
    if (!point) continue;
    if (r.kind === "PURCHASE") point.bought += r.amount;
    else point.spent += -r.amount;
  }
  return { series };
}

export async function getPurchase(storeId: string, id: string): Promise<PurchaseView | null> {
  const p = await prisma.creditPurchase.findFirst({ where: { id, storeId } });
  return p ? purchaseView(p) : null;
}

/** Every entry matching the filters, oldest first, for the CSV export (capped at 50 000 rows). */
export async function exportLedger(storeId: string, q: LedgerQuery = {}): Promise<EntryView[]> {
  const rows = await prisma.creditLedgerEntry.findMany({
    where: ledgerWhere(storeId, q),
    orderBy: { seq: "asc" },
    take: 50_000,
  });
  return rows.map(entryView);
}
