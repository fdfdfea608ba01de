import { describe, expect, it } from "vitest";
import { ctx, useTestDatabase } from "../support/db";
import { appendAudit, verifyAuditChain } from "@/lib/audit/log";
import { canonicalJson } from "@/lib/audit/chain";

const system = { ...ctx, actor: { type: "system" as const, id: "test" } };

describe("audit trail", () => {
  const { db } = useTestDatabase();

  it("links each entry to the previous one and verifies", async () => {
    for (let i = 0; i < 5; i++)
      await db().prisma.$transaction((tx) =>
        appendAudit(tx, system, { action: "test.step", target: { type: "step", id: String(i) }, after: { i } }),
      );
    const rows = await db().prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 5, chains: 1 });
  });

  it("drops secret-looking fields from before/after summaries", async () => {
    const entry = await db().prisma.$transaction((tx) =>
      appendAudit(tx, system, {
        action: "test.secret",
        after: { name: "gw", apiToken: "tok_123", password: "p", clientSecret: "s", prefix: "vt_sk_abc" },
      }),
    );
    expect(entry.after).toEqual({ name: "gw", prefix: "vt_sk_abc" });
  });

  it("is written in the action's transaction: a rolled-back action leaves no entry", async () => {
    const before = await db().prisma.auditLog.count();
    await expect(
      db().prisma.$transaction(async (tx) => {
        await appendAudit(tx, system, { action: "test.rolled_back" });
        throw new Error("action failed");
      }),
    ).rejects.toThrow("action failed");
    expect(await db().prisma.auditLog.count()).toBe(before);
  });

  it("keeps one unforked chain under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db().prisma.$transaction((tx) =>
          appendAudit(tx, system, { action: "test.concurrent", target: { type: "n", id: String(i) } }),
        ),
      ),
    );
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("detects an altered entry and a removed entry", async () => {
    const rows = await db().prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    const victim = rows[2]!;
    await db().sql.query(`UPDATE "AuditLog" SET action = 'test.forged' WHERE id = $1`, [victim.id.toString()]);
    const altered = await verifyAuditChain();
    expect(altered).toMatchObject({ ok: false, brokenAt: victim.id.toString() });
    expect(altered.reason).toMatch(/altered/);
    await db().sql.query(`UPDATE "AuditLog" SET action = $1 WHERE id = $2`, [victim.action, victim.id.toString()]);
    expect((await verifyAuditChain()).ok).toBe(true);
    await db().sql.query(`DELETE FROM "AuditLog" WHERE id = $1`, [rows[3]!.id.toString()]);
    const removed = await verifyAuditChain();
    expect(removed).toMatchObject({ ok: false, brokenAt: rows[4]!.id.toString() });
    expect(removed.reason).toMatch(/removed/);
  });

  it("canonicalises JSON independent of key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});
