// Spending credits (store API) and admin adjustments: one ledger entry per Idempotency-Key, so a
// replay returns the first result; a spend past the balance is refused with nothing written. A
// spend is one statement (./spend-entry.ts); an adjustment writes its audit entry in the ledger
// transaction.
import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError, notFound } from "@/lib/errors";
import { appendEntry, inLedgerTx, type AppendResult, type LedgerActor } from "./ledger";
import { spendEntry } from "./spend-entry";
import { entryView, type EntryView } from "./views";

const credits = z.number().finite().int("credits are whole numbers").max(100_000_000);
export const SpendInput = z.strictObject({
  amount: credits.positive(),
  reason: z.string().trim().min(1).max(200),
  reference: z.string().trim().min(1).max(200).optional(),
});
/** `POST /api/v1/admin/credits/verify`: one store, or every store when absent (an empty body too). */
export const VerifyLedgerInput = z.strictObject({ storeId: z.string().trim().min(1).max(64).optional() });

export const AdjustInput = z.strictObject({
  storeId: z.string().trim().min(1).max(64),
  amount: credits.min(-100_000_000).refine((n) => n !== 0, "amount cannot be zero"),
  reason: z.string().trim().min(3).max(500),
});

export type EntryResult = { entry: EntryView; balance: number };

export function requireIdempotencyKey(key: string | undefined): string {
  if (!key)
    throw new AppError(
      "idempotency_key_required",
      "Send an Idempotency-Key header: a replay with the same key returns the first result.",
      { param: "Idempotency-Key" },
    );
  return key;
}

function replayOrFirst(res: AppendResult, same: boolean): EntryResult {
  if (!res.created && !same)
    throw new AppError("idempotency_conflict", "This Idempotency-Key was already used with different parameters.");
  return { entry: entryView(res.entry), balance: res.entry.balanceAfter };
}

export async function spendCredits(
  storeId: string,
  input: z.infer<typeof SpendInput>,
  ctx: { idempotencyKey?: string; actor: LedgerActor },
): Promise<EntryResult & { replayed: boolean }> {
  const key = requireIdempotencyKey(ctx.idempotencyKey);
  const res = await spendEntry({
    storeId,
    amount: input.amount,
    uniqueKey: `spend:${key}`,
    reference: input.reference ?? null,
    reason: input.reason,
    actor: ctx.actor,
  });
  const { entry } = res;
  const same = entry.kind === "SPEND" && entry.amount === -input.amount && entry.reason === input.reason;
  if (!res.created && !same)
    throw new AppError("idempotency_conflict", "This Idempotency-Key was already used with different parameters.");
  return { entry: entryView(entry), balance: entry.balanceAfter, replayed: !res.created };
}

export async function adjustCredits(
  input: z.infer<typeof AdjustInput>,
  ctx: { idempotencyKey?: string; audit: AuditContext },
): Promise<EntryResult & { replayed: boolean }> {
  const key = requireIdempotencyKey(ctx.idempotencyKey);
  const store = await prisma.store.findUnique({ where: { id: input.storeId }, select: { id: true } });
  if (!store) throw notFound("Store");
  const res = await inLedgerTx(async (tx) => {
    const r = await appendEntry(tx, {
      storeId: store.id,
      kind: "ADJUSTMENT",
      amount: input.amount,
      uniqueKey: `adjust:${key}`,
      reference: null,
      reason: input.reason,
      actor: { type: "admin", id: ctx.audit.actor.id },
    });
    if (r.created) {
      await appendAudit(tx, ctx.audit, {
        action: "credits.adjusted",
        storeId: store.id,
        target: { type: "credit_entry", id: r.entry.id },
        after: { amount: input.amount, reason: input.reason, balance: r.balance, seq: r.entry.seq },
      });
    }
    return r;
  });
  return {
    ...replayOrFirst(res, res.entry.kind === "ADJUSTMENT" && res.entry.amount === input.amount),
    replayed: !res.created,
  };
}
