import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { committedMigrations, pendingMigrations, applyMigrations } from "@/lib/db/migrations";

describe("migrations", () => {
  const { db } = useTestDatabase();

  it("applies every committed migration once, recorded in Prisma's ledger", async () => {
    expect(await pendingMigrations(db().sql)).toEqual([]);
    expect(await applyMigrations(db().sql)).toEqual([]);
    const rows = await db().sql.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(committedMigrations().map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(committedMigrations().map((m) => m.checksum));
  });

  it("maps unique violations to Prisma's P2002", async () => {
    await db().prisma.user.create({ data: { email: "dup@example.com", name: "A", passwordHash: "x" } });
    await expect(
      db().prisma.user.create({ data: { email: "dup@example.com", name: "B", passwordHash: "y" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(await db().prisma.user.count({ where: { email: "dup@example.com" } })).toBe(1);
  });

  it("keeps every increment under 50 concurrent transactions (atomic increments, no lost updates)", async () => {
    const user = await db().prisma.user.create({
      data: { email: "counter@example.com", name: "C", passwordHash: "x" },
    });
    const store = await db().prisma.store.create({ data: { ownerId: user.id, name: "S", slug: `s-${Date.now()}` } });
    const product = await db().prisma.product.create({ data: { storeId: store.id, name: "P" } });
    const price = await db().prisma.price.create({
      data: { storeId: store.id, productId: product.id, unitAmount: 0, currency: "BRL", type: "ONE_TIME" },
    });
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db().prisma.$transaction((tx) =>
          tx.price.update({ where: { id: price.id }, data: { unitAmount: { increment: 1 } } }),
        ),
      ),
    );
    expect((await db().prisma.price.findUniqueOrThrow({ where: { id: price.id } })).unitAmount).toBe(50);
  });
});
