// Anchors: one platform-chain entry recording every other chain's head (key, seq, hash). Rewriting
// a store's chain after it was anchored changes the hash at the anchored seq, which the verifier
// compares; removing entries below it leaves the anchored seq missing.
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { PLATFORM_CHAIN } from "./chain";
import { appendToChain } from "./append";

export const ANCHOR_ACTION = "audit.anchor";

/** [chainKey, seq (decimal string), hash] per chain, sorted by chainKey. */
const AnchoredHeads = z.object({
  chains: z.number().int().nonnegative(),
  heads: z.array(z.tuple([z.string(), z.string().regex(/^\d+$/), z.string()])),
});
type AnchoredHeads = z.infer<typeof AnchoredHeads>;

export type AnchorResult = { anchored: boolean; chains: number; seq?: bigint; hash?: string };

async function latestAnchor(client: Pick<PrismaClient, "auditLog">) {
  return client.auditLog.findFirst({
    where: { chainKey: PLATFORM_CHAIN, action: ANCHOR_ACTION },
    orderBy: { seq: "desc" },
  });
}

/** Writes an anchor unless no chain moved since the last one. */
export async function anchorChainHeads(client: PrismaClient = prisma): Promise<AnchorResult> {
  return client.$transaction(async (tx) => {
    const rows = await tx.auditChainHead.findMany({
      where: { chainKey: { not: PLATFORM_CHAIN } },
      orderBy: { chainKey: "asc" },
    });
    const heads: AnchoredHeads = {
      chains: rows.length,
      heads: rows.map((h) => [h.chainKey, h.seq.toString(), h.hash]),
    };
    const last = await latestAnchor(tx);
    if (last && JSON.stringify(AnchoredHeads.safeParse(last.after).data) === JSON.stringify(heads))
      return { anchored: false, chains: rows.length };
    const entry = await appendToChain(tx, PLATFORM_CHAIN, {
      createdAt: new Date(),
      actorType: "system",
      actorId: ANCHOR_ACTION,
      storeId: null,
      action: ANCHOR_ACTION,
      targetType: "audit_chains",
      targetId: null,
      before: null,
      after: heads,
      ip: null,
      userAgent: null,
      requestId: null,
    });
    return { anchored: true, chains: rows.length, seq: entry.seq, hash: entry.hash };
  });
}

export type AnchorCheck =
  | { ok: true; heads: number }
  | { ok: false; chainKey: string; anchorId: string; reason: string };

/**
 * Each anchored head must still be in its chain with the same hash. Only the latest anchor is
 * read: heads only grow and every anchor records every chain, and a hash fixes its whole prefix,
 * so an intact latest anchor implies the earlier ones.
 */
export async function checkLatestAnchor(client: PrismaClient = prisma): Promise<AnchorCheck> {
  const anchor = await latestAnchor(client);
  if (!anchor) return { ok: true, heads: 0 };
  const anchorId = anchor.id.toString();
  const parsed = AnchoredHeads.safeParse(anchor.after);
  if (!parsed.success) return { ok: false, chainKey: PLATFORM_CHAIN, anchorId, reason: "anchor is unreadable" };
  const heads = parsed.data.heads;
  for (let i = 0; i < heads.length; i += 200) {
    const batch = heads.slice(i, i + 200);
    const found = await client.auditLog.findMany({
      where: { OR: batch.map(([chainKey, seq]) => ({ chainKey, seq: BigInt(seq) })) },
      select: { chainKey: true, seq: true, hash: true },
    });
    const byKey = new Map(found.map((r) => [`${r.chainKey}:${r.seq}`, r.hash]));
    for (const [chainKey, seq, hash] of batch) {
      const now = byKey.get(`${chainKey}:${seq}`);
      if (now === undefined)
        return { ok: false, chainKey, anchorId, reason: `anchored entry ${seq} is gone (entries were removed)` };
      if (now !== hash)
        return {
          ok: false,
          chainKey,
          anchorId,
          reason: `entry ${seq} differs from its anchored hash (chain rewritten)`,
        };
    }
  }
  return { ok: true, heads: heads.length };
}
