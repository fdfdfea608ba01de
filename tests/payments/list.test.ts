// The payment history through lib/payments: search, every filter, keyset pages and tenancy.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { at, cardPayment, type HistoryStore, historyStore, pixPayment } from "./support";
import { getPayment } from "@/lib/payments/detail";
import { listPayments, storeScope } from "@/lib/payments/list";
import { ListPaymentsQuery } from "@/lib/payments/schemas";

useTestDatabase();

const query = (q: Record<string, string | number> = {}) => ListPaymentsQuery.parse(q);

async function ids(s: HistoryStore, q: Record<string, string | number> = {}, locale?: string) {
  const page = await listPayments(await storeScope(s.store.id), query({ limit: 100, ...q }), { locale });
  return page.data.map((r) => r.id);
}

describe("payment history: search and filters", () => {
  let s: HistoryStore;
  let other: HistoryStore;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    s = await historyStore("hist");
    other = await historyStore("other");
    made.cardPaid = (
      await cardPayment(s, { at: at("2026-03-10"), email: "Joana.Silva@Example.com", externalOrderId: "PED-1001" })
    ).id;
    made.cardFailed = (
      await cardPayment(s, {
        at: at("2026-03-11"),
        status: "FAILED",
        email: "lucas@example.com",
        failureCode: "card_declined",
        amount: 4990,
      })
    ).id;
    made.cardCanceled = (
      await cardPayment(s, { at: at("2026-03-11", "16:00"), status: "CANCELED", email: "lucas@example.com" })
    ).id;
    made.cardRefunded = (await cardPayment(s, { at: at("2026-03-12"), status: "REFUNDED", amount: 8000 })).id;
    made.cardPartial = (
      await cardPayment(s, { at: at("2026-03-12", "16:00"), status: "PARTIALLY_REFUNDED", amount: 8000 })
    ).id;
    made.cardDisputed = (await cardPayment(s, { at: at("2026-03-13"), status: "DISPUTED" })).id;
    made.pixPaid = (
      await pixPayment(s, { at: at("2026-03-10", "18:00"), amount: 12990, externalOrderId: "PED-2002" })
    ).id;
    made.pixPartial = (await pixPayment(s, { at: at("2026-03-14"), refunded: 1000 })).id;
    made.pixPending = (
      await pixPayment(s, { at: at("2026-03-14", "16:00"), status: "awaiting_customer", customer: null })
    ).id;
    made.pixExpired = (await pixPayment(s, { at: at("2026-03-15"), status: "failed", failureCode: "expired" })).id;
    made.pixFailed = (
      await pixPayment(s, { at: at("2026-03-15", "16:00"), status: "failed", failureCode: "all_gateways_failed" })
    ).id;
    made.pixRefunded = (
      await pixPayment(s, {
        at: at("2026-03-16"),
        status: "refunded",
        customer: { name: "Zé", email: "ze@example.com" },
      })
    ).id;
    // 02:30Z on the 17th is 23:30 on the 16th in São Paulo.
    made.lateNight = (
      await cardPayment(s, { at: new Date("2026-03-17T02:30:00.000Z"), email: "night@example.com" })
    ).id;
    // Another store's look-alikes: same buyer, same amount, same store order id.
    made.foreign = (
      await cardPayment(other, { at: at("2026-03-10"), email: "joana.silva@example.com", externalOrderId: "PED-1001" })
    ).id;
    made.foreignPix = (await pixPayment(other, { at: at("2026-03-10"), amount: 12990 })).id;
  });

  it("lists card and PIX together, newest first, only this store's", async () => {
    const all = await ids(s);
    expect(all).toHaveLength(13);
    expect(all[0]).toBe(made.lateNight);
    expect(all.at(-1)).toBe(made.cardPaid);
    expect(all).not.toContain(made.foreign);
    expect(all).not.toContain(made.foreignPix);
  });

  it("filters by method", async () => {
    const card = await ids(s, { method: "card" });
    const pix = await ids(s, { method: "pix" });
    expect(card).toHaveLength(7);
    expect(pix).toHaveLength(6);
    expect(card).toContain(made.cardPaid);
    expect(pix).toContain(made.pixPaid);
  });

  it.each([
    ["paid", ["lateNight", "pixPaid", "cardPaid"]],
    ["pending", ["pixPending"]],
    ["failed", ["pixFailed", "cardFailed"]],
    ["expired", ["pixExpired", "cardCanceled"]],
    ["refunded", ["pixRefunded", "cardRefunded"]],
    ["partially_refunded", ["pixPartial", "cardPartial"]],
    ["disputed", ["cardDisputed"]],
  ])("filters by status %s", async (status, names) => {
    expect(await ids(s, { status })).toEqual(names.map((n) => made[n]));
  });

  it("takes several statuses at once", async () => {
    expect(await ids(s, { status: "refunded,partially_refunded", method: "pix" })).toEqual([
      made.pixRefunded,
      made.pixPartial,
    ]);
  });

  it("finds a buyer by whole email in any case, or by part of it, on card and PIX", async () => {
    expect(await ids(s, { q: "joana.silva@example.com" })).toEqual([made.cardPaid]);
    expect(await ids(s, { q: "Joana.Silva@Example.com" })).toEqual([made.cardPaid]);
    expect(await ids(s, { q: "lucas@" })).toEqual([made.cardCanceled, made.cardFailed]);
    expect(await ids(s, { q: "ze@example.com" })).toEqual([made.pixRefunded]);
  });

  it("finds by order id, charge id and the store's own order id", async () => {
    expect(await ids(s, { q: made.cardRefunded! })).toEqual([made.cardRefunded]);
    expect(await ids(s, { q: made.pixExpired! })).toEqual([made.pixExpired]);
    expect(await ids(s, { q: "PED-1001" })).toEqual([made.cardPaid]);
    expect(await ids(s, { q: "PED-2002" })).toEqual([made.pixPaid]);
  });

  it("finds by amount typed either way in either language", async () => {
    const expected = [made.lateNight, made.cardDisputed, made.cardCanceled, made.pixPaid, made.cardPaid];
    expect(await ids(s, { q: "129,90" }, "pt-BR")).toEqual(expected);
    expect(await ids(s, { q: "129.90" }, "pt-BR")).toEqual(expected);
    expect(await ids(s, { q: "R$ 129,90" }, "pt-BR")).toEqual(expected);
    expect(await ids(s, { q: "129.90" }, "en")).toEqual(expected);
    expect(await ids(s, { q: "49,90", status: "failed" })).toEqual([made.cardFailed]);
  });

  it("counts days in the store's time zone", async () => {
    // 02:30Z on the 17th is 23:30 on the 16th in São Paulo (the default time zone).
    expect(await ids(s, { from: "2026-03-16", to: "2026-03-16" })).toEqual([made.lateNight, made.pixRefunded]);
    expect(await ids(s, { from: "2026-03-17" })).toEqual([]);
    const { prisma } = await import("@/lib/db/client");
    await prisma.store.update({ where: { id: s.store.id }, data: { timeZone: "UTC" } });
    try {
      expect(await ids(s, { from: "2026-03-17", to: "2026-03-17" })).toEqual([made.lateNight]);
    } finally {
      await prisma.store.update({ where: { id: s.store.id }, data: { timeZone: "America/Sao_Paulo" } });
    }
    expect(await ids(s, { from: "2026-03-10", to: "2026-03-11", method: "card" })).toEqual([
      made.cardCanceled,
      made.cardFailed,
      made.cardPaid,
    ]);
  });

  it("never shows another store's payment, by list, search or id", async () => {
    expect(await ids(s, { q: made.foreign! })).toEqual([]);
    expect(await ids(other, { q: "PED-1001" })).toEqual([made.foreign]);
    await expect(getPayment(s.store.id, made.foreign!)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPayment(other.store.id, made.pixPaid!)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a cursor it did not issue", async () => {
    await expect(listPayments(await storeScope(s.store.id), query({ cursor: "bm9wZQ" }))).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});

describe("payment history: keyset pages", () => {
  it("walks every payment once while new payments arrive, ties on the same millisecond included", async () => {
    const s = await historyStore("pages");
    const scope = await storeScope(s.store.id);
    const base = Date.parse("2026-04-01T12:00:00.000Z");
    const existing: string[] = [];
    for (let i = 0; i < 40; i++) {
      // Every third pair shares a millisecond; card and PIX interleave.
      const when = new Date(base + Math.floor(i / 2) * 60_000);
      const row = i % 2 ? await pixPayment(s, { at: when }) : await cardPayment(s, { at: when });
      existing.push(row.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listPayments(scope, query({ limit: 7, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.data.map((r) => r.id));
      // A sale lands between page loads: it is newer than any cursor, so it never enters a later page.
      await cardPayment(s, { at: new Date(base + 3_600_000 + pages * 1000) });
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...existing].sort());
    const times = (await listPayments(scope, query({ limit: 100 }))).data.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
