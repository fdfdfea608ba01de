// Raw statements sent straight to node-postgres (lib/db/direct.ts) must behave exactly as the
// same statement through Prisma: same transaction, same row shapes, same errors. On PGlite they go
// through Prisma, so the shape assertions hold there too.
import { describe, expect, it, vi } from "vitest";
import { appendAudit } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { directClientFor, directQuery, inTransactionSlot } from "@/lib/db/direct";
import { isUniqueViolation } from "@/lib/db/errors";
import { sqlExecute, sqlQuery } from "@/lib/db/raw";
import { testDatabaseKind, uniqueEmail, useTestDatabase } from "../support/db";

const onPostgres = testDatabaseKind() === "postgres";

describe("raw statements on the hot paths", () => {
  const { db } = useTestDatabase();

  async function store() {
    const owner = await prisma.user.create({ data: { email: uniqueEmail("direct"), name: "D", passwordHash: "x" } });
    return prisma.store.create({ data: { ownerId: owner.id, name: "S", slug: `direct-${owner.id}` } });
  }

  it(`run on the transaction's own connection (${onPostgres ? "direct" : "through Prisma"}) and roll back with it`, async () => {
    const s = await store();
    await expect(
      prisma.$transaction(async (tx) => {
        expect(directClientFor(tx) !== null).toBe(onPostgres);
        await sqlExecute(tx, `UPDATE "Store" SET "name" = $1 WHERE id = $2`, "Renamed", s.id);
        // Prisma's own query in the same transaction sees the raw write.
        expect((await tx.store.findUniqueOrThrow({ where: { id: s.id } })).name).toBe("Renamed");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await prisma.store.findUniqueOrThrow({ where: { id: s.id } })).name).toBe("S");

    await prisma.$transaction((tx) => sqlExecute(tx, `UPDATE "Store" SET "name" = $1 WHERE id = $2`, "Kept", s.id));
    expect((await prisma.store.findUniqueOrThrow({ where: { id: s.id } })).name).toBe("Kept");
  });

  it("return rows shaped as Prisma returns them: UTC dates, bigints, parsed JSON, nulls", async () => {
    const s = await store();
    const entry = await prisma.$transaction((tx) =>
      appendAudit(
        tx,
        { actor: { type: "system", id: "test" } },
        {
          storeId: s.id,
          action: "test.direct",
          target: { type: "store", id: s.id },
          after: { n: 1, nested: { ok: true } },
        },
      ),
    );
    const text = `SELECT * FROM "AuditLog" WHERE id = $1`;
    const viaPrisma = await db().prisma.$queryRawUnsafe<unknown[]>(text, entry.id);
    const direct = await sqlQuery(prisma, text, entry.id);
    const inTx = await prisma.$transaction((tx) => sqlQuery(tx, text, entry.id));
    expect(direct).toEqual(viaPrisma);
    expect(inTx).toEqual(viaPrisma);
    const row = direct[0] as { id: unknown; createdAt: Date; after: unknown; before: unknown };
    expect(typeof row.id).toBe("bigint");
    expect(row.after).toEqual({ n: 1, nested: { ok: true } });
    expect(row.before).toBeNull();
    expect(row.createdAt.getTime()).toBe(entry.createdAt.getTime());
  });

  it("write a Date parameter as its UTC instant, read back equal by Prisma", async () => {
    const s = await store();
    const at = new Date("2026-03-01T23:30:00.123Z");
    await sqlExecute(prisma, `UPDATE "Store" SET "updatedAt" = $1 WHERE id = $2`, at, s.id);
    expect((await prisma.store.findUniqueOrThrow({ where: { id: s.id } })).updatedAt.toISOString()).toBe(
      at.toISOString(),
    );
  });

  it("report a unique violation as one", async () => {
    const s = await store();
    const owner = await prisma.user.findUniqueOrThrow({ where: { id: s.ownerId } });
    const err = await sqlExecute(
      prisma,
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "createdAt", "updatedAt") VALUES ($1, $2, 'X', 'x', $3, $3)`,
      "dup-user-id",
      owner.email,
      new Date(),
    ).catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(err, "email")).toBe(true);
  });

  it.runIf(onPostgres)("refuses a statement on a transaction that has already committed", async () => {
    let leaked: unknown;
    await prisma.$transaction(async (tx) => {
      leaked = tx;
    });
    await expect(sqlQuery(leaked as Parameters<typeof sqlQuery>[0], "SELECT 1")).rejects.toThrow(
      "Transaction already closed",
    );
  });

  it.runIf(onPostgres)("recover on a connection whose prepared SELECT * outlived a column change", async () => {
    const pool = db().pool!;
    const client = await pool.connect();
    try {
      await client.query(`CREATE TABLE "DirectPlanProbe" ("id" int PRIMARY KEY)`);
      await client.query(`INSERT INTO "DirectPlanProbe" VALUES (1)`);
      const text = `SELECT * FROM "DirectPlanProbe"`;
      expect((await directQuery(client, text, [], true)).rows).toEqual([{ id: 1 }]);
      await client.query(`ALTER TABLE "DirectPlanProbe" ADD COLUMN "note" text`);
      // The prepared plan's result type changed: this one statement fails …
      await expect(directQuery(client, text, [], true)).rejects.toThrow(/cached plan/);
      // … and the connection prepares it afresh on the next.
      expect((await directQuery(client, text, [], true)).rows).toEqual([{ id: 1, note: null }]);
    } finally {
      await client.query(`DROP TABLE IF EXISTS "DirectPlanProbe"`);
      client.release();
    }
  });

  it.runIf(onPostgres)(
    "find the transaction's connection when this module is loaded twice (Next bundles instrumentation and routes apart)",
    async () => {
      vi.resetModules();
      const second = await import("@/lib/db/direct");
      expect(second.inTransactionSlot).not.toBe(inTransactionSlot);
      // The pool is the first copy's (the test database's); the slot and the lookup are the second's.
      const found = await second.inTransactionSlot((bind) =>
        db().prisma.$transaction(async (tx) => {
          bind(tx);
          return second.directClientFor(tx) !== null && directClientFor(tx) !== null;
        }),
      );
      expect(found).toBe(true);
    },
  );
});
