// The verifier: recomputes every chain (each store's, the platform's, the frozen legacy one),
// checks each chain ends at its recorded head, and that the latest anchor's heads are still there.
import type { AuditLog, PrismaClient } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { chainHash, GENESIS_HASH, LEGACY_CHAIN, PLATFORM_CHAIN } from "./chain";
import { checkLatestAnchor } from "./anchor";

export type ChainReport = {
  ok: boolean;
  /** Entries whose hash was recomputed. */
  checked: number;
  /** Chains walked (stores, platform, legacy). */
  chains: number;
  /** Chain heads the latest anchor recorded and that were found intact. */
  anchoredHeads: number;
  brokenAt?: string;
  chainKey?: string;
  reason?: string;
};

type Head = { seq: bigint; hash: string };
type Walk = { key: string; seq: bigint; hash: string };

export function entryHash(prevHash: string, row: AuditLog): string {
  const positioned = row.chainKey !== LEGACY_CHAIN;
  return chainHash(prevHash, {
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
    chainKey: positioned ? row.chainKey : undefined,
    seq: positioned ? row.seq.toString() : undefined,
  });
}

async function readHeads(client: PrismaClient, keys?: string[]): Promise<Map<string, Head>> {
  const rows = await client.auditChainHead.findMany(keys ? { where: { chainKey: { in: keys } } } : undefined);
  return new Map(rows.map((h) => [h.chainKey, { seq: h.seq, hash: h.hash }]));
}

/**
 * One pass over (chainKey, seq). Heads are read first; a chain that grew during the pass (rows past
 * its head) is re-checked against its head at the end, so live appends are not reported as breaks.
 */
export async function verifyAuditChain(client: PrismaClient = prisma): Promise<ChainReport> {
  const heads = await readHeads(client);
  let checked = 0;
  let chains = 0;
  const grown: Walk[] = [];
  const seen = new Set<string>();
  let walk: Walk | null = null;
  const broken = (key: string, at: string | undefined, reason: string): ChainReport => ({
    ok: false,
    checked,
    chains,
    anchoredHeads: 0,
    chainKey: key,
    ...(at ? { brokenAt: at } : {}),
    reason,
  });
  const endOfChain = (w: Walk): ChainReport | null => {
    const head = heads.get(w.key);
    if (!head || w.seq > head.seq) grown.push(w);
    else if (w.seq < head.seq) return broken(w.key, undefined, "chain ends before its head (entries were removed)");
    else if (w.hash !== head.hash) return broken(w.key, undefined, "last entry does not match the chain head");
    return null;
  };

  let cursor: { key: string; seq: bigint } | null = null;
  for (;;) {
    const rows: AuditLog[] = await client.auditLog.findMany({
      orderBy: [{ chainKey: "asc" }, { seq: "asc" }],
      take: 1000,
      ...(cursor
        ? { where: { OR: [{ chainKey: { gt: cursor.key } }, { chainKey: cursor.key, seq: { gt: cursor.seq } }] } }
        : {}),
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      if (!walk || walk.key !== row.chainKey) {
        if (walk) {
          const end = endOfChain(walk);
          if (end) return end;
        }
        walk = { key: row.chainKey, seq: 0n, hash: GENESIS_HASH };
        seen.add(row.chainKey);
        chains++;
      }
      const id = row.id.toString();
      if (row.seq !== walk.seq + 1n)
        return broken(row.chainKey, id, `entry ${walk.seq + 1n} is missing (removed or reordered)`);
      if (row.prevHash !== walk.hash)
        return broken(row.chainKey, id, "previous hash does not match (a row was removed or reordered)");
      if (entryHash(walk.hash, row) !== row.hash)
        return broken(row.chainKey, id, "content does not match its hash (the row was altered)");
      if (row.chainKey !== LEGACY_CHAIN && (row.storeId ?? PLATFORM_CHAIN) !== row.chainKey)
        return broken(row.chainKey, id, "entry is in another store's chain");
      walk = { key: row.chainKey, seq: row.seq, hash: row.hash };
      checked++;
    }
    cursor = { key: walk!.key, seq: walk!.seq };
  }
  if (walk) {
    const end = endOfChain(walk);
    if (end) return end;
  }
  for (const key of heads.keys())
    if (!seen.has(key)) return broken(key, undefined, "chain has a head but no entries (entries were removed)");
  if (grown.length > 0) {
    const fresh = await readHeads(
      client,
      grown.map((w) => w.key),
    );
    for (const w of grown) {
      const head = fresh.get(w.key);
      if (!head || head.seq < w.seq)
        return broken(w.key, undefined, "entries past the chain head (written outside the audit log)");
      if (head.seq === w.seq && head.hash !== w.hash)
        return broken(w.key, undefined, "last entry does not match the chain head");
    }
  }
  const anchor = await checkLatestAnchor(client);
  if (!anchor.ok) return { ...broken(anchor.chainKey, anchor.anchorId, anchor.reason), checked };
  return { ok: true, checked, chains, anchoredHeads: anchor.heads };
}
