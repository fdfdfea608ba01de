// The credits ledger: append-only entries per store, each with a gap-free seq and the balance
// after it, and a cached balance row updated in the same transaction. Writers take the balance
// row with SELECT … FOR UPDATE, so concurrent writers for one store serialise on PostgreSQL; the
// unique (storeId, uniqueKey) makes each money event land once however often it is replayed.
import type { CreditEntryKind, CreditLedgerEntry, Prisma } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sqlExecute, sqlQuery } from "@/lib/db/raw";

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
  await sqlExecute(
    tx,
    `INSERT INTO "CreditBalance" ("storeId", "balance", "held", "lastSeq", "updatedAt") VALUES ($1, 0, 0, 0, now()) ON CONFLICT ("storeId") DO NOTHING`,
    storeId,
  );
  const rows = await sqlQuery<BalanceRow>(
    tx,
    `SELECT "balance", "held", "lastSeq" FROM "CreditBalance" WHERE "storeId" = $1 FOR UPDATE`,
    storeId,
  );
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
  if (!Number.isSafeInteger(input.amount))
    throw new AppError("validation_failed", "Credit amounts are whole numbers.", { param: "amount" });
  const current = await lockBalance(tx, input.storeId);
  const existing = await findEntry(tx, input.storeId, input.uniqueKey);
  if (existing) return { entry: existing, balance: current.balance, held: current.held, created: false };
  const balance = current.balance + input.amount;
  if (balance < 0 && input.amount < 0 && !input.allowNegative) {
    throw new AppError(
      "insufficient_credits",
      `Not enough credits: the balance is ${current.balance} and this needs ${-input.amount}.`,
      { param: "amount", details: { balance: current.balance, requested: -input.amount } },
    );
  }
  const held = Math.max(0, current.held + (input.heldDelta ?? 0));
  const seq = current.lastSeq + 1;
  const entry = await tx.creditLedgerEntry.create({
    data: {
      storeId: input.storeId,
      seq,
      kind: input.kind,
      amount: input.amount,
      balanceAfter: balance,
      reference: input.reference ?? null,
      uniqueKey: input.uniqueKey,
      reason: input.reason ?? null,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      purchaseId: input.purchaseId ?? null,
      metadata: (input.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
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
 * The ledger invariant, per store, in one set-based query: seq runs 1..n without gaps, each
 * balanceAfter is the previous one plus the entry's amount, the sum of amounts equals the cached
 * balance, lastSeq = n, and the cached held credits equal the open dispute holds (a hold without
 * its close). One round trip whatever the number of stores.
 */
const VERIFY_SQL = `
WITH w AS (
  SELECT "storeId", seq, amount, "balanceAfter",
         row_number() OVER s AS rn,
         sum(amount) OVER (s ROWS UNBOUNDED PRECEDING) AS running
  FROM "CreditLedgerEntry" WHERE ($1::text IS NULL OR "storeId" = $1)
  WINDOW s AS (PARTITION BY "storeId" ORDER BY seq)
), agg AS (
  SELECT "storeId", count(*) AS n, sum(amount) AS total,
         min(rn) FILTER (WHERE seq <> rn OR "balanceAfter" <> running) AS first_bad
  FROM w GROUP BY "storeId"
), holds AS (
  SELECT h."storeId", sum(-h.amount) AS open FROM "CreditLedgerEntry" h
  WHERE h."uniqueKey" LIKE 'dispute-hold:%' AND ($1::text IS NULL OR h."storeId" = $1)
    AND NOT EXISTS (SELECT 1 FROM "CreditLedgerEntry" c WHERE c."storeId" = h."storeId" AND c."uniqueKey" = 'dispute-close:' || substr(h."uniqueKey", 14))
  GROUP BY h."storeId"
), ids AS (
  SELECT "storeId" FROM "CreditBalance" WHERE ($1::text IS NULL OR "storeId" = $1) UNION SELECT "storeId" FROM agg
)
SELECT ids."storeId", coalesce(b.balance, 0)::int8 AS balance, coalesce(b.held, 0)::int8 AS held, coalesce(b."lastSeq", 0)::int8 AS "lastSeq",
       coalesce(a.n, 0)::int8 AS n, coalesce(a.total, 0)::int8 AS total, coalesce(h.open, 0)::int8 AS open,
       x.rn::int8 AS bad_rn, x.seq AS bad_seq, x."balanceAfter" AS bad_after, x.running::int8 AS bad_running
FROM ids
LEFT JOIN "CreditBalance" b ON b."storeId" = ids."storeId"
LEFT JOIN agg a ON a."storeId" = ids."storeId"
LEFT JOIN holds h ON h."storeId" = ids."storeId"
LEFT JOIN w x ON x."storeId" = ids."storeId" AND x.rn = a.first_bad
ORDER BY ids."storeId" COLLATE "C"`;

type VerifyRow = {
  storeId: string;
  balance: unknown;
  held: unknown;
  lastSeq: unknown;
  n: unknown;
  total: unknown;
  open: unknown;
  bad_rn: unknown;
  bad_seq: number | null;
  bad_after: number | null;
  bad_running: unknown;
};

export async function verifyCreditLedger(storeId?: string): Promise<LedgerReport> {
  const rows = await sqlQuery<VerifyRow>(prisma, VERIFY_SQL, storeId ?? null);
  const mismatches: LedgerMismatch[] = [];
  for (const r of rows) {
    const [balance, held, lastSeq, n, total, open] = [r.balance, r.held, r.lastSeq, r.n, r.total, r.open].map(
      Number,
    ) as [number, number, number, number, number, number];
    let problem: string | null = null;
    if (r.bad_rn !== null) {
      const rn = Number(r.bad_rn);
      problem =
        r.bad_seq !== rn
          ? `seq gap: expected ${rn}, found ${r.bad_seq}`
          : `balanceAfter of seq ${r.bad_seq} is ${r.bad_after}, expected ${Number(r.bad_running)}`;
    } else if (balance !== total) problem = `cached balance ${balance} differs from the sum of entries ${total}`;
    else if (lastSeq !== n) problem = `cached lastSeq ${lastSeq} differs from ${n} entries`;
    else if (held !== open) problem = `cached held ${held} differs from the open dispute holds ${open}`;
    if (problem) mismatches.push({ storeId: r.storeId, cached: balance, sum: total, problem });
  }
  return { checked: rows.length, ok: mismatches.length === 0, mismatches };
}
