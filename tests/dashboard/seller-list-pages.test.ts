// Keyset pages of the seller lists other than payments (docs/operations.md "Seller lists at 1M
// rows"): the callback delivery log, the credits ledger and a store's audit trail. Each walks
// newest first in a stable order when rows share a timestamp, the next page starts strictly after
// the cursor, and no page ever holds another store's row.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { listAuditPage } from "@/lib/admin/audit-query";
import { appendAudit } from "@/lib/audit/log";
import { pageDeliveries } from "@/lib/callbacks/deliveries";
import { listLedger } from "@/lib/credits/views";
import { prisma } from "@/lib/db/client";

useTestDatabase();

type Seller = Awaited<ReturnType<typeof sellerWithStore>>;
const SAME = new Date("2026-05-01T12:00:00.000Z");

async function endpointOf(s: Seller) {
  return prisma.callbackEndpoint.create({
    data: { storeId: s.store.id, url: "https://store.example/events", secretEnc: "x", secretPrefix: "whsec_x" },
  });
}

async function delivery(s: Seller, endpointId: string, n: number, at: Date, status: "SUCCEEDED" | "FAILED") {
  return prisma.callbackDelivery.create({
    data: {
      storeId: s.store.id,
      endpointId,
      eventId: `evt_${s.store.id}_${n}`,
      eventType: "payment.succeeded",
      payload: { data: { vitrineOrderId: `ord_${n}` } },
      status,
      createdAt: at,
    },
  });
}

/** Every page of a keyset walk, with the cursors handed out. */
async function walk<T>(next: (cursor?: string) => Promise<{ rows: T[]; cursor: string | null }>) {
  const rows: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await next(cursor);
    rows.push(...page.rows);
    cursor = page.cursor ?? undefined;
    pages++;
  } while (cursor && pages < 50);
  return { rows, pages };
}

describe("callback delivery log pages", () => {
  let a: Seller;
  let b: Seller;
  let endpointA: string;
  const madeA: string[] = [];
  const failedA: string[] = [];
  let foreign: string;

  beforeAll(async () => {
    a = await sellerWithStore({ tag: "pages-cb-a" });
    b = await sellerWithStore({ tag: "pages-cb-b" });
    endpointA = (await endpointOf(a)).id;
    const endpointB = (await endpointOf(b)).id;
    // 12 deliveries: the first 8 share one millisecond, the rest a minute apart; every third failed.
    for (let i = 0; i < 12; i++) {
      const at = i < 8 ? SAME : new Date(SAME.getTime() + (i - 7) * 60_000);
      const d = await delivery(a, endpointA, i, at, i % 3 === 0 ? "FAILED" : "SUCCEEDED");
      madeA.push(d.id);
      if (i % 3 === 0) failedA.push(d.id);
    }
    // Another store's delivery at the same instant.
    foreign = (await delivery(b, endpointB, 0, SAME, "FAILED")).id;
  });

  const pages = (q: { status?: "FAILED"; limit: number }) =>
    walk(async (cursor) => {
      const page = await pageDeliveries(a.store.id, { ...q, cursor });
      return { rows: page.data, cursor: page.nextCursor };
    });

  it("walks every delivery once, newest first, ties on the same millisecond in a stable order", async () => {
    const { rows, pages: n } = await pages({ limit: 3 });
    expect(n).toBe(4);
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(12);
    expect([...ids].sort()).toEqual([...madeA].sort());
    expect(ids).not.toContain(foreign);
    // Newest first; on equal createdAt, by id descending.
    for (let i = 1; i < rows.length; i++) {
      const [p, c] = [rows[i - 1]!, rows[i]!];
      expect(
        p.createdAt.getTime() > c.createdAt.getTime() ||
          (p.createdAt.getTime() === c.createdAt.getTime() && p.id > c.id),
      ).toBe(true);
    }
    // Paging in 3s gives the same order as one big page.
    const whole = await pageDeliveries(a.store.id, { limit: 50 });
    expect(whole.data.map((r) => r.id)).toEqual(ids);
    expect(whole.nextCursor).toBeNull();
  });

  it("starts the next page strictly after the cursor, also inside a run of equal timestamps", async () => {
    const first = await pageDeliveries(a.store.id, { limit: 6 });
    const second = await pageDeliveries(a.store.id, { limit: 6, cursor: first.nextCursor! });
    const whole = (await pageDeliveries(a.store.id, { limit: 12 })).data.map((r) => r.id);
    expect(first.data.map((r) => r.id)).toEqual(whole.slice(0, 6));
    expect(second.data.map((r) => r.id)).toEqual(whole.slice(6, 12));
    // The cut falls inside the 8 rows sharing SAME.
    expect(first.data.at(-1)!.createdAt.getTime()).toBe(SAME.getTime());
    expect(second.data[0]!.createdAt.getTime()).toBe(SAME.getTime());
  });

  it("pages a status filter on its own index, only this store's", async () => {
    const { rows } = await pages({ status: "FAILED", limit: 2 });
    expect(rows.map((r) => r.id).sort()).toEqual([...failedA].sort());
    expect(rows.every((r) => r.status === "FAILED")).toBe(true);
  });

  it("never shows another store's delivery and refuses a cursor it did not issue", async () => {
    const other = await pageDeliveries(b.store.id, { limit: 50 });
    expect(other.data.map((r) => r.id)).toEqual([foreign]);
    // A cursor from store A's walk only bounds store B's rows by time: it never lets A's rows in.
    const first = await pageDeliveries(a.store.id, { limit: 1 });
    const crossed = await pageDeliveries(b.store.id, { limit: 50, cursor: first.nextCursor! });
    expect(crossed.data.every((r) => r.id === foreign)).toBe(true);
    await expect(pageDeliveries(a.store.id, { limit: 5, cursor: "bm9wZQ" })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});

describe("credits ledger pages", () => {
  let a: Seller;
  let b: Seller;

  beforeAll(async () => {
    a = await sellerWithStore({ tag: "pages-ledger-a" });
    b = await sellerWithStore({ tag: "pages-ledger-b" });
    // 10 entries sharing one createdAt (seq orders them), every fourth a purchase; store B has its own.
    for (const [s, n] of [
      [a, 10],
      [b, 3],
    ] as const)
      await prisma.creditLedgerEntry.createMany({
        data: Array.from({ length: n }, (_, i) => ({
          storeId: s.store.id,
          seq: i + 1,
          kind: i % 4 === 0 ? ("PURCHASE" as const) : ("SPEND" as const),
          amount: i % 4 === 0 ? 100 : -1,
          balanceAfter: 100,
          uniqueKey: `t:${i}`,
          actorType: "system",
          createdAt: SAME,
        })),
      });
  });

  it("walks by seq, newest first, the next page after the cursor, only this store's", async () => {
    const { rows, pages } = await walk(async (cursor) => {
      const page = await listLedger(a.store.id, { limit: 4, cursor });
      return { rows: page.entries, cursor: page.nextCursor };
    });
    expect(pages).toBe(3);
    expect(rows.map((e) => e.seq)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const other = await listLedger(b.store.id, { limit: 50 });
    expect(other.entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    const mine = new Set(rows.map((e) => e.id));
    expect(other.entries.some((e) => mine.has(e.id))).toBe(false);
  });

  it("pages a kind filter", async () => {
    const { rows } = await walk(async (cursor) => {
      const page = await listLedger(a.store.id, { limit: 1, kind: "PURCHASE", cursor });
      return { rows: page.entries, cursor: page.nextCursor };
    });
    expect(rows.map((e) => e.seq)).toEqual([9, 5, 1]);
  });
});

describe("a store's audit trail pages", () => {
  it("walks one store's entries newest first across another store's interleaved ones", async () => {
    const a = await sellerWithStore({ tag: "pages-audit-a" });
    const b = await sellerWithStore({ tag: "pages-audit-b" });
    const ctx = { actor: { type: "system" as const, id: "test" } };
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 9; i++)
        for (const s of [a, b])
          await appendAudit(tx, ctx, {
            storeId: s.store.id,
            action: "credits.adjusted",
            target: { type: "credit_entry", id: `${s.store.id}_${i}` },
          });
    });
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditPage({ store: a.store.id, action: "credits.", before }, 4);
      expect(page.entries.every((e) => e.storeId === a.store.id)).toBe(true);
      seen.push(...page.entries.map((e) => e.targetId!));
      before = page.nextBefore ?? undefined;
      pages++;
    } while (before);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 9 }, (_, i) => `${a.store.id}_${8 - i}`));
  });
});
