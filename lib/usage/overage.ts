// Overage paid from prepaid credits. Under the row lock of the store's UsageOverage row for the
// resource and period, the units beyond the limit not yet paid are debited in one OVERAGE ledger
// entry whose uniqueKey names the exact unit range (overage:<resource>:<periodStart>:<from>-<to>):
// concurrent evaluations serialise on the lock, re-runs find nothing due, so every unit is paid
// once. When the balance does not cover them all, only whole units it covers are debited and
// exhaustedAt is set (the limit turns hard); a later evaluation with credits charges the backlog
// and clears it. Lock order: UsageOverage row, then the credit balance row, then the audit lock.
import "server-only";
import { appendAudit } from "@/lib/audit/log";
import { appendEntry, inLedgerTx, lockBalance } from "@/lib/credits/ledger";
import type { Tx } from "@/lib/db/client";

const SYSTEM = { actor: { type: "system" as const, id: "usage" } };

export type OverageInput = {
  storeId: string;
  resource: string;
  periodStart: Date;
  used: number;
  limit: number;
  creditsPerUnit: number;
  now?: Date;
};

export type OverageState = {
  unitsCharged: number;
  creditsDebited: number;
  exhaustedAt: Date | null;
  /** Units debited by this call. */
  chargedNow: number;
};

type Row = { unitsCharged: number; creditsDebited: number; exhaustedAt: Date | null };

async function lockOverage(tx: Tx, storeId: string, resource: string, periodStart: string, now: string): Promise<Row> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "UsageOverage" ("storeId", "resource", "periodStart", "unitsCharged", "creditsDebited", "updatedAt")
     VALUES ($1, $2, $3::timestamp(3), 0, 0, $4::timestamp(3)) ON CONFLICT DO NOTHING`,
    storeId,
    resource,
    periodStart,
    now,
  );
  const rows = await tx.$queryRawUnsafe<Row[]>(
    `SELECT "unitsCharged", "creditsDebited", "exhaustedAt" FROM "UsageOverage"
     WHERE "storeId" = $1 AND "resource" = $2 AND "periodStart" = $3::timestamp(3) FOR UPDATE`,
    storeId,
    resource,
    periodStart,
  );
  const row = rows[0]!;
  return {
    unitsCharged: Number(row.unitsCharged),
    creditsDebited: Number(row.creditsDebited),
    exhaustedAt: row.exhaustedAt ? new Date(row.exhaustedAt) : null,
  };
}

/** Debits the unpaid units beyond the limit, as far as whole units of the balance go. */
export async function chargeOverage(input: OverageInput): Promise<OverageState> {
  const now = input.now ?? new Date();
  const periodStart = input.periodStart.toISOString();
  const overUnits = Math.max(0, input.used - input.limit);
  return inLedgerTx(async (tx) => {
    const row = await lockOverage(tx, input.storeId, input.resource, periodStart, now.toISOString());
    const due = overUnits - row.unitsCharged;
    let { unitsCharged, creditsDebited } = row;
    let chargedNow = 0;
    if (due > 0) {
      const { balance: credits } = await lockBalance(tx, input.storeId);
      const affordable = Math.min(due, Math.max(0, Math.floor(credits / input.creditsPerUnit)));
      if (affordable > 0) {
        const from = unitsCharged + 1;
        const to = unitsCharged + affordable;
        const credits = affordable * input.creditsPerUnit;
        const res = await appendEntry(tx, {
          storeId: input.storeId,
          kind: "OVERAGE",
          amount: -credits,
          uniqueKey: `overage:${input.resource}:${periodStart}:${from}-${to}`,
          reference: `${input.resource}:${periodStart.slice(0, 10)}`,
          reason: `${input.resource} ${from}–${to} over the plan limit of ${input.limit}`,
          actor: { type: "system", id: "usage" },
          metadata: {
            resource: input.resource,
            periodStart,
            fromUnit: from,
            toUnit: to,
            creditsPerUnit: input.creditsPerUnit,
          },
        });
        chargedNow = affordable;
        unitsCharged = to;
        creditsDebited += -res.entry.amount;
        await appendAudit(tx, SYSTEM, {
          action: "usage.overage_charged",
          storeId: input.storeId,
          target: { type: "credit_entry", id: res.entry.id },
          after: { resource: input.resource, fromUnit: from, toUnit: to, credits, periodStart },
        });
      }
    }
    const short = overUnits > unitsCharged;
    const exhaustedAt = short ? (row.exhaustedAt ?? now) : null;
    if (short !== !!row.exhaustedAt) {
      await appendAudit(tx, SYSTEM, {
        action: short ? "usage.credits_exhausted" : "usage.credits_restored",
        storeId: input.storeId,
        target: { type: "usage", id: `${input.resource}:${periodStart}` },
        after: { resource: input.resource, used: input.used, limit: input.limit, unitsCharged, periodStart },
      });
    }
    if (chargedNow > 0 || short !== !!row.exhaustedAt) {
      await tx.usageOverage.update({
        where: {
          storeId_resource_periodStart: {
            storeId: input.storeId,
            resource: input.resource,
            periodStart: input.periodStart,
          },
        },
        data: { unitsCharged, creditsDebited, exhaustedAt },
      });
    }
    return { unitsCharged, creditsDebited, exhaustedAt, chargedNow };
  });
}
