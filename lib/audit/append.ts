// The append primitive: one entry at the end of one chain, inside the caller's transaction.
import type { AuditLog } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { chainHash, GENESIS_HASH, type AuditFields } from "./chain";
import { sqlQuery } from "@/lib/db/raw";

type Head = { seq: bigint | number | string; hash: string };

/**
 * Two statements. The first takes the chain's next seq and previous hash by bumping its head row:
 * INSERT … ON CONFLICT DO UPDATE locks that one row until the transaction ends (a concurrent
 * append to the same chain waits, then sees the committed head), and creates the head at the first
 * entry. The second writes the entry and the head's new hash together.
 */
export async function appendToChain(
  tx: Tx,
  chainKey: string,
  fields: Omit<AuditFields, "chainKey" | "seq">,
): Promise<AuditLog> {
  const [head] = await sqlQuery<Head>(
    tx,
    `INSERT INTO "AuditChainHead" ("chainKey", "seq", "hash", "updatedAt") VALUES ($1, 1, $2, now())
     ON CONFLICT ("chainKey") DO UPDATE SET "seq" = "AuditChainHead"."seq" + 1
     RETURNING "seq", "hash"`,
    chainKey,
    GENESIS_HASH,
  );
  if (!head) throw new Error("audit chain head was not returned");
  const seq = BigInt(head.seq);
  const prevHash = head.hash;
  const hash = chainHash(prevHash, { ...fields, chainKey, seq: seq.toString() });
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const [row] = await sqlQuery<{ id: bigint | number | string }>(
    tx,
    `WITH head AS (UPDATE "AuditChainHead" SET "hash" = $1, "updatedAt" = now() WHERE "chainKey" = $2)
     INSERT INTO "AuditLog" ("createdAt", "actorType", "actorId", "storeId", "action", "targetType", "targetId",
       "before", "after", "ip", "userAgent", "requestId", "prevHash", "hash", "chainKey", "seq")
     VALUES ($3::timestamptz AT TIME ZONE 'UTC', $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14,
       $15, $1, $2, $16::bigint)
     RETURNING "id"`,
    hash,
    chainKey,
    fields.createdAt.toISOString(),
    fields.actorType,
    fields.actorId,
    fields.storeId,
    fields.action,
    fields.targetType,
    fields.targetId,
    json(fields.before),
    json(fields.after),
    fields.ip,
    fields.userAgent,
    fields.requestId,
    prevHash,
    seq.toString(),
  );
  if (!row) throw new Error("audit entry was not written");
  return {
    id: BigInt(row.id),
    ...fields,
    before: fields.before as AuditLog["before"],
    after: fields.after as AuditLog["after"],
    prevHash,
    hash,
    chainKey,
    seq,
  };
}
