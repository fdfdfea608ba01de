// The payments API and CSV export through the real routes: API-key and session auth, tenancy,
// validation, and a CSV a spreadsheet reads safely (escaping, formula guard, decimal amounts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { appRequest, sessionCookie } from "../support/session";
import { at, cardPayment, type HistoryStore, historyStore, pixPayment } from "./support";
import { GET as getOne } from "@/app/api/v1/payments/[id]/route";
import { GET as exportCsv } from "@/app/api/v1/payments/export.csv/route";
import { GET as list } from "@/app/api/v1/payments/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { paymentsCsvStream } from "@/lib/payments/csv";
import { storeScope } from "@/lib/payments/list";
import { stopMeterTimer } from "@/lib/usage/meter";

useTestDatabase();
afterAll(() => stopMeterTimer());

const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    } else cell += ch;
  }
  return rows;
}

describe("payments API", () => {
  let s: HistoryStore;
  let other: HistoryStore;
  let key: string;
  let otherKey: string;
  let card: string;
  let tricky: string;
  let foreign: string;

  beforeAll(async () => {
    process.env.RATE_LIMIT_API_KEY = "100000/minute";
    s = await historyStore("api");
    other = await historyStore("api-other");
    key = (await createApiKey(s.store.id, s.user.id, { name: "k" }, s.audit)).secret;
    otherKey = (await createApiKey(other.store.id, other.user.id, { name: "k" }, other.audit)).secret;
    card = (await cardPayment(s, { at: at("2026-05-02"), email: "ana@example.com", externalOrderId: "PED-9" })).id;
    tricky = (
      await pixPayment(s, {
        at: at("2026-05-03"),
        amount: 100005,
        refunded: 5,
        customer: { name: 'Silva, "Zé"\nJr', email: "=cmd|' /C calc'!A0" },
        externalOrderId: "+SUM(A1)",
      })
    ).id;
    foreign = (await cardPayment(other, { at: at("2026-05-02"), email: "ana@example.com" })).id;
  });

  it("lists the key's store's payments only, newest first, in the public shape", async () => {
    const res = await list(appRequest("/api/v1/payments", { headers: bearer(key) }), params());
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.map((p: { id: string }) => p.id)).toEqual([tricky, card]);
    expect(body.data[1]).toMatchObject({
      method: "card",
      status: "paid",
      amount: 12990,
      currency: "BRL",
      external_order_id: "PED-9",
    });
    expect(body.data[0]).toMatchObject({ method: "pix", status: "partially_refunded", amount_refunded: 5 });
    expect(body.has_more).toBe(false);
    const theirs = await (
      await list(appRequest("/api/v1/payments?q=ana@example.com", { headers: bearer(otherKey) }), params())
    ).json();
    expect(theirs.data.map((p: { id: string }) => p.id)).toEqual([foreign]);
  });

  it("pages with next_cursor and applies the same filters as the page", async () => {
    const first = await (await list(appRequest("/api/v1/payments?limit=1", { headers: bearer(key) }), params())).json();
    expect(first.has_more).toBe(true);
    const second = await (
      await list(appRequest(`/api/v1/payments?limit=1&cursor=${first.next_cursor}`, { headers: bearer(key) }), params())
    ).json();
    expect(second.data.map((p: { id: string }) => p.id)).toEqual([card]);
    const pix = await (
      await list(
        appRequest("/api/v1/payments?method=pix&status=partially_refunded", { headers: bearer(key) }),
        params(),
      )
    ).json();
    expect(pix.data.map((p: { id: string }) => p.id)).toEqual([tricky]);
  });

  it("refuses a missing or unknown key and a bad filter with stable codes", async () => {
    const anon = await list(appRequest("/api/v1/payments"), params());
    expect(anon.status).toBe(401);
    const wrong = await list(appRequest("/api/v1/payments", { headers: bearer("vk_live_nope") }), params());
    expect(wrong.status).toBe(401);
    const bad = await list(appRequest("/api/v1/payments?status=lost", { headers: bearer(key) }), params());
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe("validation_failed");
    const badDay = await list(appRequest("/api/v1/payments?from=05/02/2026", { headers: bearer(key) }), params());
    expect(badDay.status).toBe(422);
  });

  it("shows one payment with its timeline, and another store's as 404", async () => {
    const res = await getOne(appRequest(`/api/v1/payments/${card}`, { headers: bearer(key) }), params({ id: card }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: card, method: "card", receipt_path: `/receipt/${card}` });
    expect(body.timeline.map((e: { type: string }) => e.type)).toEqual(["created", "paid"]);
    const theirs = await getOne(
      appRequest(`/api/v1/payments/${foreign}`, { headers: bearer(key) }),
      params({ id: foreign }),
    );
    expect(theirs.status).toBe(404);
  });

  it("works for the signed-in seller (session cookie), as the page's download button calls it", async () => {
    const cookie = await sessionCookie(s.user.id);
    const res = await list(appRequest("/api/v1/payments", { headers: { cookie } }), params());
    expect(res.status).toBe(200);
    expect((await res.json()).data).toHaveLength(2);
  });

  it("exports CSV with escaping, a formula guard and decimal amounts", async () => {
    const res = await exportCsv(
      appRequest("/api/v1/payments/export.csv?from=2026-05-01&to=2026-05-31", { headers: bearer(key) }),
      params(),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="payments-2026-05-01_2026-05-31.csv"');
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const [header, pix, cardRow, ...rest] = parseCsv(text);
    expect(rest).toEqual([]);
    const col = (row: string[] | undefined, name: string) => row?.[header!.indexOf(name)];
    expect(col(pix, "id")).toBe(tricky);
    expect(col(pix, "buyer_name")).toBe('Silva, "Zé"\nJr');
    // A spreadsheet would run these as formulas: they are written as text.
    expect(col(pix, "buyer_email")).toBe("'=cmd|' /C calc'!A0");
    expect(col(pix, "store_order_id")).toBe("'+SUM(A1)");
    expect(col(pix, "amount")).toBe("1000.05");
    expect(col(pix, "amount_refunded")).toBe("0.05");
    expect(col(pix, "currency")).toBe("BRL");
    expect(col(cardRow, "amount")).toBe("129.90");
    expect(col(cardRow, "status")).toBe("paid");
  });

  it("streams in keyset batches: many small batches give exactly the rows of one", async () => {
    for (let i = 0; i < 9; i++) await cardPayment(s, { at: new Date(Date.parse("2026-06-01T10:00:00Z") + i * 1000) });
    const scope = await storeScope(s.store.id);
    const read = (batch: number) => new Response(paymentsCsvStream(scope, {}, batch)).text();
    const small = await read(2);
    const whole = await read(500);
    expect(small).toBe(whole);
    expect(parseCsv(whole.replace(/^\uFEFF/, ""))).toHaveLength(1 + 11);
  });
});
