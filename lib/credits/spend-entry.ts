// A spend as one autocommit statement (issue #19): the balance row is decremented only while it
// covers the amount (`UPDATE … WHERE balance >= n RETURNING`), and the entry is inserted from
// that row's new lastSeq/balance in the same statement. The row lock is held for one statement
// instead of an interactive transaction's seven round trips, so writers to one store serialise
// for microseconds and writers to different stores never meet. Same guarantees as appendEntry:
// gap-free seq, balanceAfter = the balance after, never below zero, one entry per uniqueKey.
import type { CreditLedgerEntry } from "@/generated/prisma/client";
import { newRowId } from "@/lib/db/ids";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { LedgerActor } from "./ledger";
import { sqlQuery } from "@/lib/db/raw";

export type SpendEntryInput = {
  storeId: string;
  /** Positive: the credits taken. */
  amount: number;
  uniqueKey: string;
  reference: string | null;
  reason: string;
  actor: LedgerActor;
};

export type SpendEntryResult = { entry: CreditLedgerEntry; created: boolean };

// `existing` reads the key in the statement's snapshot; a same-key spend that commits after it
// makes the INSERT fail on the (storeId, uniqueKey) index, which aborts the whole statement
// (balance untouched) and is answered below as a replay.
const SPEND_SQL = `
WITH existing AS (
  SELECT * FROM "CreditLedgerEntry" WHERE "storeId" = $1 AND "uniqueKey" = $2
), bal AS (
  UPDATE "CreditBalance"
     SET balance = balance - $3::int, "lastSeq" = "lastSeq" + 1, "updatedAt" = now() AT TIME ZONE 'UTC'
   WHERE "storeId" = $1 AND balance >= $3::int AND NOT EXISTS (SELECT 1 FROM existing)
  RETURNING balance, "lastSeq"
), ins AS (
  INSERT INTO "CreditLedgerEntry" (id, "storeId", seq, kind, amount, "balanceAfter", reference, "uniqueKey", reason, "actorType", "actorId", "createdAt")
  SELECT $4, $1, bal."lastSeq", 'SPEND'::"CreditEntryKind", -$3::int, bal.balance, $5::text, $2, $6, $7, $8::text, now() AT TIME ZONE 'UTC'
    FROM bal
  RETURNING *
)
SELECT true AS created, ins.* FROM ins
UNION ALL
SELECT false AS created, existing.* FROM existing`;

type Row = CreditLedgerEntry & { created: boolean };

function toEntry({ created: _created, ...row }: Row): CreditLedgerEntry {
  return { ...row, seq: Number(row.seq), amount: Number(row.amount), balanceAfter: Number(row.balanceAfter) };
}

/**
 * Takes `amount` credits in one round trip, or returns the entry the key already landed
 * (created: false). Refuses with 409 insufficient_credits, writing nothing, when the balance
 * does not cover it.
 */
export async function spendEntry(input: SpendEntryInput): Promise<SpendEntryResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new AppError("validation_failed", "Credit amounts are whole positive numbers.", { param: "amount" });
  let rows: Row[];
  try {
    rows = await sqlQuery<Row>(
      prisma,
      SPEND_SQL,
      input.storeId,
      input.uniqueKey,
      input.amount,
      newRowId(),
      input.reference,
      input.reason,
      input.actor.type,
      input.actor.id ?? null,
    );
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    rows = [];
  }
  const row = rows[0];
  if (row) return { entry: toEntry(row), created: row.created };
  // Nothing written: either a concurrent spend with the same key won, or the balance is short.
  const existing = await prisma.creditLedgerEntry.findUnique({
    where: { storeId_uniqueKey: { storeId: input.storeId, uniqueKey: input.uniqueKey } },
  });
  if (existing) return { entry: existing, created: false };
  const balance = (await prisma.creditBalance.findUnique({ where: { storeId: input.storeId } }))?.balance ?? 0;
  throw new AppError(
    "insufficient_credits",
    `Not enough credits: the balance is ${balance} and this needs ${input.amount}.`,
    { param: "amount", details: { balance, requested: input.amount } },
  );
}
