// Per-store audit chains: concurrent stores never fork or gap, and a forged, deleted or reordered
// entry is found in a store chain and in the platform chain; anchors catch a rewritten chain.
import { beforeAll, describe, expect, it } from "vitest";
import { ctx, useTestDatabase } from "../support/db";
import { appendAudit } from "@/lib/audit/log";
import { anchorChainHeads } from "@/lib/audit/anchor";
import { entryHash, verifyAuditChain } from "@/lib/audit/verify";

const system = { ...ctx, actor: { type: "system" as const, id: "test" } };
const STORE_A = "store_chain_a";
const STORE_B = "store_chain_b";

describe("audit chains per store", () => {
  const { db } = useTestDatabase();
  const sql = (text: string, params: unknown[] = []) => db().sql.query(text, params);
  const chainRows = (chainKey: string) =>
    db().prisma.auditLog.findMany({ where: { chainKey }, orderBy: { seq: "asc" } });
  const append = (storeId: string | null, i: number) =>
    db().prisma.$transaction((tx) =>
      appendAudit(tx, system, { storeId, action: "test.step", target: { type: "n", id: String(i) }, after: { i } }),
    );

  beforeAll(async () => {
    // Two stores appending at the same time (and the platform alongside).
    await Promise.all([
      ...Array.from({ length: 15 }, (_, i) => append(STORE_A, i)),
      ...Array.from({ length: 15 }, (_, i) => append(STORE_B, i)),
      ...Array.from({ length: 5 }, (_, i) => append(null, i)),
    ]);
  });

  it("gives each store its own contiguous chain under concurrent appends", async () => {
    for (const [key, count] of [
      [STORE_A, 15],
      [STORE_B, 15],
      ["platform", 5],
    ] as const) {
      const rows = await chainRows(key);
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      for (const r of rows) expect(r.storeId ?? "platform").toBe(key);
      const head = await db().prisma.auditChainHead.findUniqueOrThrow({ where: { chainKey: key } });
      expect(head).toMatchObject({ seq: BigInt(count), hash: rows.at(-1)!.hash });
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 35, chains: 3 });
  });

  for (const key of [STORE_B, "platform"]) {
    describe(`tampering in the ${key === "platform" ? "platform" : "store"} chain`, () => {
      it("finds a forged entry", async () => {
        const victim = (await chainRows(key))[2]!;
        await sql(`UPDATE "AuditLog" SET action = 'test.forged' WHERE id = $1`, [victim.id.toString()]);
        expect(await verifyAuditChain()).toMatchObject({
          ok: false,
          chainKey: key,
          brokenAt: victim.id.toString(),
          reason: expect.stringMatching(/altered/),
        });
        await sql(`UPDATE "AuditLog" SET action = $1 WHERE id = $2`, [victim.action, victim.id.toString()]);
        expect((await verifyAuditChain()).ok).toBe(true);
      });

      it("finds reordered entries", async () => {
        const [, second, third] = await chainRows(key);
        const place = async (moves: Array<[bigint, bigint]>) => {
          for (const [id] of moves) await sql(`UPDATE "AuditLog" SET seq = -seq WHERE id = $1`, [id.toString()]);
          for (const [id, seq] of moves)
            await sql(`UPDATE "AuditLog" SET seq = $1 WHERE id = $2`, [seq.toString(), id.toString()]);
        };
        await place([
          [second!.id, third!.seq],
          [third!.id, second!.seq],
        ]);
        expect(await verifyAuditChain()).toMatchObject({
          ok: false,
          chainKey: key,
          reason: expect.stringMatching(/reordered/),
        });
        await place([
          [second!.id, second!.seq],
          [third!.id, third!.seq],
        ]);
        expect((await verifyAuditChain()).ok).toBe(true);
      });

      it("finds a deleted entry, in the middle or at the end", async () => {
        const rows = await chainRows(key);
        const restore = async (row: (typeof rows)[number]) => {
          const { id: _id, ...data } = row;
          await db().prisma.auditLog.create({ data: { ...data, before: undefined, after: data.after ?? undefined } });
        };
        await sql(`DELETE FROM "AuditLog" WHERE id = $1`, [rows[3]!.id.toString()]);
        expect(await verifyAuditChain()).toMatchObject({
          ok: false,
          chainKey: key,
          brokenAt: rows[4]!.id.toString(),
          reason: expect.stringMatching(/removed/),
        });
        await restore(rows[3]!);
        expect((await verifyAuditChain()).ok).toBe(true);
        await sql(`DELETE FROM "AuditLog" WHERE id = $1`, [rows.at(-1)!.id.toString()]);
        expect(await verifyAuditChain()).toMatchObject({
          ok: false,
          chainKey: key,
          reason: expect.stringMatching(/removed/),
        });
        await restore(rows.at(-1)!);
        expect((await verifyAuditChain()).ok).toBe(true);
      });
    });
  }

  it("moving an entry to another store's chain is found", async () => {
    const victim = (await chainRows(STORE_A))[0]!;
    await sql(`UPDATE "AuditLog" SET "storeId" = $1 WHERE id = $2`, [STORE_B, victim.id.toString()]);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, chainKey: STORE_A, brokenAt: victim.id.toString() });
    await sql(`UPDATE "AuditLog" SET "storeId" = $1 WHERE id = $2`, [STORE_A, victim.id.toString()]);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("anchors every chain head and finds a chain rewritten after the anchor", async () => {
    const anchor = await anchorChainHeads();
    expect(anchor).toMatchObject({ anchored: true, chains: 2 });
    // Nothing moved: no second anchor.
    expect(await anchorChainHeads()).toMatchObject({ anchored: false });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, anchoredHeads: 2 });

    // Someone with database access rewrites store A's chain from entry 3 on, recomputing every hash
    // and the head: the chain alone verifies, the anchor does not.
    const rows = await chainRows(STORE_A);
    let prev = rows[1]!.hash;
    for (const row of rows.slice(2)) {
      const forged = { ...row, prevHash: prev, action: row.seq === 3n ? "test.rewritten" : row.action };
      forged.hash = entryHash(prev, forged);
      await sql(`UPDATE "AuditLog" SET action = $1, "prevHash" = $2, hash = $3 WHERE id = $4`, [
        forged.action,
        forged.prevHash,
        forged.hash,
        row.id.toString(),
      ]);
      prev = forged.hash;
    }
    await sql(`UPDATE "AuditChainHead" SET hash = $1 WHERE "chainKey" = $2`, [prev, STORE_A]);
    expect(await verifyAuditChain()).toMatchObject({
      ok: false,
      chainKey: STORE_A,
      reason: expect.stringMatching(/anchored hash/),
    });

    // Cutting the tail and lowering the head is found the same way.
    for (const row of rows.slice(2))
      await sql(`UPDATE "AuditLog" SET action = $1, "prevHash" = $2, hash = $3 WHERE id = $4`, [
        row.action,
        row.prevHash,
        row.hash,
        row.id.toString(),
      ]);
    await sql(`UPDATE "AuditChainHead" SET hash = $1 WHERE "chainKey" = $2`, [rows.at(-1)!.hash, STORE_A]);
    expect((await verifyAuditChain()).ok).toBe(true);
    await sql(`DELETE FROM "AuditLog" WHERE id = $1`, [rows.at(-1)!.id.toString()]);
    await sql(`UPDATE "AuditChainHead" SET seq = seq - 1, hash = $1 WHERE "chainKey" = $2`, [
      rows.at(-2)!.hash,
      STORE_A,
    ]);
    expect(await verifyAuditChain()).toMatchObject({
      ok: false,
      chainKey: STORE_A,
      reason: expect.stringMatching(/gone/),
    });
  });
});
