// The credits ledger: append-only entries per store, each with a gap-free seq and the balance
// after it, and a cached balance row updated in the same transaction. Writers take the balance
// row with SELECT … FOR UPDATE, so concurrent writers for one store serialise on PostgreSQL; the
// unique (storeId, uniqueKey) makes each money event land once however often it is replayed.
import type { CreditEntryKind, CreditLedgerEntry, Prisma } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";

export type LedgerActorType = "system" | "seller" | "admin" | "api_key" | "stripe";
export type LedgerActor = { type: LedgerActorType; id?: string | null };

export type AppendInput = {
  storeId: string;
  kind: CreditEntryKind;
  /** Signed credits. */
  amount: number;
  uniqueKey: string;
  reference?: string | null;
  reason?: string | null;
  actor: LedgerActor;
  purchaseId?: string | null;
  metadata?: Record<string, unknown> | null;
  /** Only dispute holds and losses may take the balance below zero. */
  allowNegative?: boolean;
  /** Change to the credits held by open disputes. */
  heldDelta?: number;
};

export type AppendResult = { entry: CreditLedgerEntry; balance: number; held: number; created: boolean };

type BalanceRow = { balance: number; held: number; lastSeq: number };

/** Locks (creating if needed) the store's balance row for the rest of the transaction. */
export async function lockBalance(tx: Tx, storeId: string): Promise<BalanceRow> {
  await tx.$executeRawUnsafe(`INSERT INTO "CreditBalance" ("storeId", "balance", "held", "lastSeq", "updatedAt") VALUES ($1, 0, 0, 0, now()) ON CONFLICT ("storeId") DO NOTHING`, storeId);
  const rows = await tx.$queryRawUnsafe<BalanceRow[]>(`SELECT "balance", "held", "lastSeq" FROM "CreditBalance" WHERE "storeId" = $1 FOR UPDATE`, storeId);
  const row = rows[0]!;
  return { balance: Number(row.balance), held: Number(row.held), lastSeq: Number(row.lastSeq) };
}

export function findEntry(tx: Tx, storeId: string, uniqueKey: string) {
  return tx.creditLedgerEntry.findUnique({ where: { storeId_uniqueKey: { storeId, uniqueKey } } });
}

/**
 * Appends one entry inside the caller's transaction. Returns the existing entry (created: false)
 * when the uniqueKey already landed; refuses with 409 insufficient_credits, writing nothing, when
 * the balance would go below zero and the entry is not allowed to.
 */
export async function appendEntry(tx: Tx, input: AppendInput): Promise<AppendResult> {
  if (!Number.isSafeInteger(input.amount)) throw new AppError("validation_failed", "Credit amounts are whole numbers.", { param: "amount" });
  const current = await lockBalance(tx, input.storeId);
  const existing = await findEntry(tx, input.storeId, input.uniqueKey);
  if (existing) return { entry: existing, balance: current.balance, held: current.held, created: false };
  const balance = current.balance + input.amount;
  if (balance < 0 && input.amount < 0 && !input.allowNegative) {
    throw new AppError("insufficient_credits", `Not enough credits: the balance is ${current.balance} and this needs ${-input.amount}.`, { param: "amount", details: { balance: current.balance, requested: -input.amount } });
  }
  const held = Math.max(0, current.held + (input.heldDelta ?? 0));
  const seq = current.lastSeq + 1;
  const entry = await tx.creditLedgerEntry.create({
    data: {
      storeId: input.storeId, seq, kind: input.kind, amount: input.amount, balanceAfter: balance, reference: input.reference ?? null,
      uniqueKey: input.uniqueKey, reason: input.reason ?? null, actorType: input.actor.type, actorId: input.actor.id ?? null,
      purchaseId: input.purchaseId ?? null, metadata: (input.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
  await tx.creditBalance.update({ where: { storeId: input.storeId }, data: { balance, held, lastSeq: seq } });
  return { entry, balance, held, created: true };
}

/** Runs fn in a transaction; on PostgreSQL, concurrent ledger writers wait on the row lock. */
export function inLedgerTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { timeout: 20_000, maxWait: 20_000 });
}

export type LedgerMismatch = { storeId: string; cached: number; sum: number; problem: string };
export type LedgerReport = { checked: number; ok: boolean; mismatches: LedgerMismatch[] };

/**
 * The ledger invariant, per store: seq runs 1..n without gaps, each balanceAfter is the previous
 * one plus the entry's amount, the last balanceAfter and the sum of amounts equal the cached
 * balance, lastSeq = n, and the held credits equal the open dispute holds.
 */
export async function verifyCreditLedger(storeId?: string): Promise<LedgerReport> {
  const balances = await prisma.creditBalance.findMany({ where: storeId ? { storeId } : undefined, select: { storeId: true, balance: true, held: true, lastSeq: true } });
  const withEntries = await prisma.creditLedgerEntry.groupBy({ by: ["storeId"], where: storeId ? { storeId } : undefined, _sum: { amount: true } });
  const ids = new Set([...balances.map((b) => b.storeId), ...withEntries.map((e) => e.storeId)]);
  const cachedBy = new Map(balances.map((b) => [b.storeId, b]));
  const mismatches: LedgerMismatch[] = [];
  for (const id of [...ids].sort()) {
    const cached = cachedBy.get(id);
    const entries = await prisma.creditLedgerEntry.findMany({ where: { storeId: id }, orderBy: { seq: "asc" }, select: { seq: true, amount: true, balanceAfter: true, uniqueKey: true } });
    let running = 0;
    let problem: string | null = null;
    entries.forEach((e, i) => {
      running += e.amount;
      if (!problem && e.seq !== i + 1) problem = `seq gap: expected ${i + 1}, found ${e.seq}`;
      if (!problem && e.balanceAfter !== running) problem = `balanceAfter of seq ${e.seq} is ${e.balanceAfter}, expected ${running}`;
    });
    const cachedBalance = cached?.balance ?? 0;
    if (!problem && cachedBalance !== running) problem = `cached balance ${cachedBalance} differs from the sum of entries ${running}`;
    if (!problem && (cached?.lastSeq ?? 0) !== entries.length) problem = `cached lastSeq ${cached?.lastSeq ?? 0} differs from ${entries.length} entries`;
    const keys = new Set(entries.map((e) => e.uniqueKey));
    const openHolds = entries.filter((e) => e.uniqueKey.startsWith("dispute-hold:") && !keys.has(`dispute-close:${e.uniqueKey.slice("dispute-hold:".length)}`)).reduce((sum, e) => sum - e.amount, 0);
    if (!problem && (cached?.held ?? 0) !== openHolds) problem = `cached held ${cached?.held ?? 0} differs from the open dispute holds ${openHolds}`;
    if (problem) mismatches.push({ storeId: id, cached: cachedBalance, sum: running, problem });
  }
  return { checked: ids.size, ok: mismatches.length === 0, mismatches };
}
