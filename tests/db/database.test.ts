import { describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { pendingMigrations } from "@/lib/db/migrations";

describe("embedded database", () => {
  it("applies committed migrations in memory and maps unique violations to P2002", async () => {
    const db = createDatabase({ url: "", pgliteDir: "memory://" });
    await db.ready;
    expect(await pendingMigrations(db.sql)).toEqual([]);
    await db.prisma.user.create({ data: { email: "a@example.com", name: "A", passwordHash: "x" } });
    await expect(db.prisma.user.create({ data: { email: "a@example.com", name: "B", passwordHash: "y" } })).rejects.toMatchObject({ code: "P2002" });
    expect(await db.prisma.user.count()).toBe(1);
    await db.prisma.$disconnect();
  });
});
