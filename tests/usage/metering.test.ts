// API calls are metered in memory on the request path and written by flushUsage(); past a
// blocking api_calls limit a store API key gets 429 usage_limit_reached (not counted), the
// dashboard session keeps working, and the 80 % / 100 % alerts are recorded once.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { APP_ORIGIN, sessionCookie } from "../support/session";
import { counter, params, putOnPlan, usageSeller, useUsageIsolation } from "./support";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { GET as summaryRoute } from "@/app/api/v1/usage/summary/route";
import { prisma } from "@/lib/db/client";
import { flushUsage } from "@/lib/usage/flush";
import { resetGates } from "@/lib/usage/gate";
import { meter } from "@/lib/usage/meter";

const me = (call: (url: string) => NextRequest) => meRoute(call("/api/v1/me"), params());

async function apiCalls(s: Awaited<ReturnType<typeof usageSeller>>) {
  const res = await summaryRoute(s.call("/api/v1/usage/summary"), params());
  const body = await res.json();
  return body.resources.find((r: { resource: string }) => r.resource === "api_calls");
}

describe("API-call metering", () => {
  useTestDatabase();
  useUsageIsolation();

  it("counts each API-key call once, writes nothing until the flush, and ignores session calls", async () => {
    const s = await usageSeller();
    await putOnPlan(s.store.id, { limits: {} });
    for (let i = 0; i < 7; i++) expect((await me(s.call)).status).toBe(200);
    expect(await counter(s.store.id, "api_calls")).toBe(0);
    await flushUsage();
    expect(await counter(s.store.id, "api_calls")).toBe(7);
    // A second flush with nothing new changes nothing.
    await flushUsage();
    expect(await counter(s.store.id, "api_calls")).toBe(7);

    const cookie = await sessionCookie(s.user.id);
    const bySession = await meRoute(
      new NextRequest(new URL("/api/v1/me", APP_ORIGIN), { headers: { cookie } }),
      params(),
    );
    expect(bySession.status).toBe(200);
    await flushUsage();
    // The summary call itself is an API call: 7 + 1, read with what is pending in memory.
    expect(await apiCalls(s)).toMatchObject({ used: 8, limit: null, percent: null, blocked: false });
    await flushUsage();
    expect(await counter(s.store.id, "api_calls")).toBe(8);
  });

  it("refuses calls past a blocking limit with 429 and the limit's details, and does not count them", async () => {
    const s = await usageSeller();
    await putOnPlan(s.store.id, { limits: { api_calls: 5 }, overage: { api_calls: { mode: "block" } } });
    expect((await me(s.call)).status).toBe(200); // loads the store's position in the background
    await flushUsage(); // position known: 1 used
    for (let i = 0; i < 4; i++) expect((await me(s.call)).status).toBe(200);
    // 5 used (4 of them only in memory): the sixth is refused without a flush.
    const refused = await me(s.call);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await refused.json();
    expect(body.error).toMatchObject({
      code: "usage_limit_reached",
      param: "api_calls",
      details: { resource: "api_calls", limit: 5, used: 5, mode: "block" },
    });
    expect(body.error.details.upgrade_url).toMatch(/\/dashboard\/plan$/);
    expect(new Date(body.error.details.period_end).getTime()).toBeGreaterThan(Date.now());
    await flushUsage();
    expect(await counter(s.store.id, "api_calls")).toBe(5);
    expect((await me(s.call)).status).toBe(429);

    // The seller's dashboard session is not an API call: it still works.
    const cookie = await sessionCookie(s.user.id);
    const dashboard = await summaryRoute(
      new NextRequest(new URL("/api/v1/usage/summary", APP_ORIGIN), { headers: { cookie } }),
      params(),
    );
    expect(dashboard.status).toBe(200);
    const apiRow = (await dashboard.json()).resources.find((r: { resource: string }) => r.resource === "api_calls");
    expect(apiRow).toMatchObject({ used: 5, limit: 5, percent: 100, blocked: true, mode: "block" });

    // Alerts: 80 % and 100 %, once each, with their audit entries, however often it is evaluated.
    await flushUsage();
    const alerts = await prisma.usageAlert.findMany({ where: { storeId: s.store.id }, orderBy: { threshold: "asc" } });
    expect(alerts.map((a) => [a.resource, a.threshold, a.limit])).toEqual([
      ["api_calls", 80, 5],
      ["api_calls", 100, 5],
    ]);
    expect(await prisma.auditLog.count({ where: { storeId: s.store.id, action: "usage.alert" } })).toBe(2);

    // An upgrade lifts the block.
    await putOnPlan(s.store.id, { limits: { api_calls: 1000 } });
    expect((await me(s.call)).status).toBe(200);
  });

  it("drops the counts of a store that no longer exists instead of failing every flush", async () => {
    const s = await usageSeller();
    await flushUsage(); // what earlier tests left pending
    meter(s.store.id, "api_calls", 3);
    meter("store_that_is_gone", "api_calls", 5);
    await expect(flushUsage()).resolves.toMatchObject({ rows: 1, stores: 1 });
    expect(await counter(s.store.id, "api_calls")).toBe(3);
    await expect(flushUsage()).resolves.toMatchObject({ rows: 0 });
  });

  it("keeps counting from the flushed total after a restart of the process's positions", async () => {
    const s = await usageSeller();
    await putOnPlan(s.store.id, { limits: { api_calls: 3 } });
    for (let i = 0; i < 3; i++) await me(s.call);
    await flushUsage();
    resetGates(); // as on a fresh instance: nothing cached
    // The first call on a fresh instance is let through while the position loads…
    expect((await me(s.call)).status).toBe(200);
    await flushUsage();
    // …after which the store is blocked again.
    expect((await me(s.call)).status).toBe(429);
    expect(await counter(s.store.id, "api_calls")).toBe(4);
  });
});
