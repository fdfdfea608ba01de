// The payment history's search walks one index per kind of match (ids, whole email, part of an
// email or name, amount) and merges them (lib/payments/list.ts): a row matching several appears
// once, a search pages with the cursor like the plain list (ties on one millisecond included),
// and only this store's rows come back.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { cardPayment, type HistoryStore, historyStore, pixPayment } from "./support";
import { listPayments, storeScope } from "@/lib/payments/list";
import { ListPaymentsQuery } from "@/lib/payments/schemas";
import { searchTerms } from "@/lib/payments/search";

useTestDatabase();

const SAME = new Date("2026-06-01T12:00:00.000Z");

describe("payment search walks", () => {
  let s: HistoryStore;
  let other: HistoryStore;
  const amountRows: string[] = [];
  let twice: string;

  beforeAll(async () => {
    s = await historyStore("search-walks");
    other = await historyStore("search-walks-other");
    // Seven payments of R$ 10,50: five share one millisecond, card and PIX mixed.
    for (let i = 0; i < 7; i++) {
      const at = i < 5 ? SAME : new Date(SAME.getTime() - i * 60_000);
      const row =
        i % 2
          ? await pixPayment(s, { at, amount: 1050, customer: { name: "Ana", email: `ana${i}@example.com` } })
          : await cardPayment(s, { at, amount: 1050, email: `ana${i}@example.com` });
      amountRows.push(row.id);
    }
    await cardPayment(s, { at: SAME, amount: 2000 });
    await cardPayment(other, { at: SAME, amount: 1050 });
    await pixPayment(other, { at: SAME, amount: 1050 });
    // Its store order id is the search text and its email contains it: two walks find it.
    twice = (await cardPayment(s, { at: SAME, externalOrderId: "lucas77", email: "lucas77@example.com" })).id;
  });

  it("pages an amount search with the cursor, every match once, ties included, only this store's", async () => {
    const scope = await storeScope(s.store.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listPayments(scope, ListPaymentsQuery.parse({ q: "10,50", limit: 2, cursor }), {
        locale: "pt-BR",
      });
      seen.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...amountRows].sort());
    const whole = await listPayments(scope, ListPaymentsQuery.parse({ q: "R$ 10,50", limit: 100 }), {
      locale: "pt-BR",
    });
    expect(whole.data.map((r) => r.id)).toEqual(seen);
  });

  it("lists a row found by two walks once", async () => {
    const scope = await storeScope(s.store.id);
    const page = await listPayments(scope, ListPaymentsQuery.parse({ q: "lucas77", limit: 100 }));
    expect(page.data.map((r) => r.id)).toEqual([twice]);
  });

  it("looks for bare digits inside emails, but not for text that can only be an amount", () => {
    expect(searchTerms("129,90", "BRL", "pt-BR")).toMatchObject({ amount: 12990, like: null });
    expect(searchTerms("R$ 1.299,90", "BRL", "pt-BR")).toMatchObject({ amount: 129990, like: null });
    expect(searchTerms("$129.90", "USD", "en")).toMatchObject({ amount: 12990, like: null });
    expect(searchTerms("123", "BRL", "pt-BR")).toMatchObject({ amount: 12300, like: "%123%" });
    expect(searchTerms("ana3", "BRL", "pt-BR")).toMatchObject({ amount: null, like: "%ana3%" });
  });
});
