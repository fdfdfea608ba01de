// POST /api/v1/usage through the real route: each validation failure has its code and field,
// a replayed key answers 200 with the first record, the same key with another body is 409, names
// Vitrine meters are refused, and reported usage shows in the summary and the paged list.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { counter, params, usageSeller, useUsageIsolation } from "./support";
import { GET as listRoute, POST as reportRoute } from "@/app/api/v1/usage/route";
import { GET as exportRoute } from "@/app/api/v1/usage/export/route";
import { GET as summaryRoute } from "@/app/api/v1/usage/summary/route";
import { prisma } from "@/lib/db/client";

const body = (over: Record<string, unknown> = {}) => ({
  resource_type: "emails_sent",
  quantity: 120,
  unit: "emails",
  source: "mailer",
  ...over,
});

describe("POST /api/v1/usage", () => {
  useTestDatabase();
  useUsageIsolation();

  it("records once per key: 201, then 200 with the same body; another body under the key is 409", async () => {
    const s = await usageSeller();
    const post = (b: unknown, key = "batch-1") =>
      reportRoute(s.call("/api/v1/usage", "POST", b, { "idempotency-key": key }), params());
    // Midnight in São Paulo two days ago, written with its offset.
    const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const first = await post(body({ period_start: `${day}T00:00:00-03:00` }));
    expect(first.status).toBe(201);
    const record = await first.json();
    expect(record).toMatchObject({
      resource_type: "emails_sent",
      quantity: 120,
      unit: "emails",
      source: "mailer",
      idempotency_key: "batch-1",
      period_start: `${day}T03:00:00.000Z`,
      period_end: `${day}T03:00:00.000Z`,
    });
    // The same instant written another way is the same request.
    const replay = await post(body({ period_start: `${day}T03:00:00Z` }));
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(record);

    const reused = await post(body({ quantity: 121, period_start: `${day}T03:00:00Z` }));
    expect(reused.status).toBe(409);
    expect((await reused.json()).error.code).toBe("idempotency_conflict");
    expect(await prisma.usageRecord.count({ where: { storeId: s.store.id } })).toBe(1);
    expect(await counter(s.store.id, "emails_sent")).toBe(120);

    // The key may come in the body too (the header wins only when they agree).
    const inBody = await reportRoute(
      s.call("/api/v1/usage", "POST", body({ idempotency_key: "batch-2", quantity: 5 })),
      params(),
    );
    expect(inBody.status).toBe(201);
    expect(await counter(s.store.id, "emails_sent")).toBe(125);
  });

  it("answers each bad request with a stable code naming the field, writing nothing", async () => {
    const s = await usageSeller();
    const cases: [unknown, Record<string, string> | undefined, number, string, string?][] = [
      [body(), {}, 400, "idempotency_key_required", "Idempotency-Key"],
      [body({ quantity: 0 }), undefined, 422, "validation_failed", "quantity"],
      [body({ quantity: 1.5 }), undefined, 422, "validation_failed", "quantity"],
      [body({ quantity: 10_000_001 }), undefined, 422, "validation_failed", "quantity"],
      [body({ quantity: "5" }), undefined, 422, "validation_failed", "quantity"],
      [body({ resource_type: "Emails Sent" }), undefined, 422, "validation_failed", "resource_type"],
      [body({ resource_type: "api_calls" }), undefined, 422, "resource_type_reserved", "resource_type"],
      [body({ resource_type: "orders" }), undefined, 422, "resource_type_reserved", "resource_type"],
      [body({ unit: "" }), undefined, 422, "validation_failed", "unit"],
      [body({ source: undefined }), undefined, 422, "validation_failed", "source"],
      [body({ period_start: "yesterday" }), undefined, 422, "validation_failed", "period_start"],
      [
        body({ period_start: "2026-12-02T00:00:00Z", period_end: "2026-12-01T00:00:00Z" }),
        undefined,
        422,
        "validation_failed",
        "period_end",
      ],
      [body({ period_end: "2026-12-01T00:00:00Z" }), undefined, 422, "validation_failed", "period_start"],
      [body({ period_start: "2099-01-01T00:00:00Z" }), undefined, 422, "validation_failed", "period_start"],
      [body({ extra: 1 }), undefined, 422, "validation_failed", "extra"],
      [body({ idempotency_key: "other" }), undefined, 422, "validation_failed", "idempotency_key"],
      ["{not json", undefined, 400, "malformed_json"],
    ];
    for (const [b, headers, status, code, param] of cases) {
      const res = await reportRoute(
        s.call("/api/v1/usage", "POST", b, headers ?? { "idempotency-key": `k-${code}-${param}` }),
        params(),
      );
      const json = await res.json();
      expect([res.status, json.error.code, json.error.param], JSON.stringify(b)).toEqual([status, code, param]);
    }
    expect(await prisma.usageRecord.count({ where: { storeId: s.store.id } })).toBe(0);
    expect(await counter(s.store.id, "emails_sent")).toBe(0);
  });

  it("lists records newest first with a keyset cursor, keeps stores apart, and shows reported types in the summary and CSV", async () => {
    const s = await usageSeller();
    const other = await usageSeller();
    for (let i = 1; i <= 5; i++)
      expect(
        (
          await reportRoute(
            s.call("/api/v1/usage", "POST", body({ quantity: i }), { "idempotency-key": `k${i}` }),
            params(),
          )
        ).status,
      ).toBe(201);
    await reportRoute(
      other.call("/api/v1/usage", "POST", body({ quantity: 50 }), { "idempotency-key": "k1" }),
      params(),
    );

    const page1 = await (await listRoute(s.call("/api/v1/usage?limit=2"), params())).json();
    expect(page1.data.map((r: { quantity: number }) => r.quantity)).toEqual([5, 4]);
    const page2 = await (await listRoute(s.call(`/api/v1/usage?limit=2&cursor=${page1.next_cursor}`), params())).json();
    const page3 = await (await listRoute(s.call(`/api/v1/usage?limit=2&cursor=${page2.next_cursor}`), params())).json();
    expect(page2.data.map((r: { quantity: number }) => r.quantity)).toEqual([3, 2]);
    expect(page3.data.map((r: { quantity: number }) => r.quantity)).toEqual([1]);
    expect(page3.next_cursor).toBeNull();
    const filtered = await (await listRoute(s.call("/api/v1/usage?resource_type=other"), params())).json();
    expect(filtered.data).toEqual([]);
    const badCursor = await listRoute(s.call("/api/v1/usage?cursor=../x"), params());
    expect((await badCursor.json()).error).toMatchObject({ code: "validation_failed", param: "cursor" });

    const summary = await (await summaryRoute(s.call("/api/v1/usage/summary"), params())).json();
    expect(summary.resources.find((r: { resource: string }) => r.resource === "emails_sent")).toMatchObject({
      kind: "reported",
      used: 15,
      limit: null,
      mode: null,
      blocked: false,
    });

    const csv = await exportRoute(s.call("/api/v1/usage/export"), params());
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="usage-\d{4}-\d{2}\.csv"/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("date,resource,quantity,limit,period_start,period_end");
    const today = new Date().toISOString().slice(0, 10);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${today},emails_sent,15,,`)));
  });
});
