import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { chainHash, GENESIS_HASH, type AuditFields } from "./chain";

export type Actor = { type: "user" | "api_key" | "system" | "stripe" | "gateway"; id?: string | null };
export type AuditContext = { actor: Actor; ip?: string | null; userAgent?: string | null; requestId?: string | null };
export type AuditEntry = {
  storeId?: string | null;
  action: string;
  target?: { type: string; id: string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

const SECRET_KEY_RE = /pass|secret|token|key|hash|credential|authorization/i;

/** Summaries keep business fields only: any key that looks like a secret is dropped. */
function summary(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  return Object.fromEntries(
    Object.entries(value).filter(([k]) => !SECRET_KEY_RE.test(k) || k === "prefix" || k === "keyPrefix"),
  );
}

/**
 * Appends an entry inside the caller's transaction, so the record exists exactly when the action
 * does. A transaction-scoped advisory lock serialises appends so the hash chain has no forks.
 */
export async function appendAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry) {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(7201001)`);
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: AuditFields = {
    createdAt: new Date(),
    actorType: ctx.actor.type,
    actorId: ctx.actor.id ?? null,
    storeId: entry.storeId ?? null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    before: summary(entry.before),
    after: summary(entry.after),
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
    requestId: ctx.requestId ?? null,
  };
  const hash = chainHash(prevHash, fields);
  return tx.auditLog.create({
    data: {
      ...fields,
      before: (fields.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (fields.after ?? undefined) as Prisma.InputJsonValue | undefined,
      prevHash,
      hash,
    },
  });
}

export type ChainReport = { ok: boolean; checked: number; brokenAt?: string; reason?: string };

/** Recomputes every hash in order; the first mismatch names the tampered or removed row. */
export async function verifyAuditChain(client = prisma): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await client.auditLog.findMany({
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor !== undefined ? { where: { id: { gt: cursor } } } : {}),
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash)
        return {
          ok: false,
          checked,
          brokenAt: row.id.toString(),
          reason: "previous hash does not match (a row was removed or reordered)",
        };
      const expected = chainHash(prevHash, {
        createdAt: row.createdAt,
        actorType: row.actorType,
        actorId: row.actorId,
        storeId: row.storeId,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        before: row.before,
        after: row.after,
        ip: row.ip,
        userAgent: row.userAgent,
        requestId: row.requestId,
      });
      if (expected !== row.hash)
        return {
          ok: false,
          checked,
          brokenAt: row.id.toString(),
          reason: "content does not match its hash (the row was altered)",
        };
      prevHash = row.hash;
      checked++;
    }
    cursor = rows[rows.length - 1]!.id;
  }
  return { ok: true, checked };
}
