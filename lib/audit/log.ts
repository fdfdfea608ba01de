import type { AuditLog } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { appendToChain } from "./append";
import { chainKeyFor } from "./chain";

export { verifyAuditChain, type ChainReport } from "./verify";

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
 * does. Each store has its own chain (actions without a store go to the platform chain), so
 * appends in different stores never wait for each other.
 */
export async function appendAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<AuditLog> {
  return appendToChain(tx, chainKeyFor(entry.storeId), {
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
  });
}
