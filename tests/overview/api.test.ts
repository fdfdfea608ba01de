// GET /api/v1/overview: the same figures as the page, for the key's (or the session's) store only;
// a bad range is a 422 naming the parameter; what needs attention links to where to act.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { APP_ORIGIN, sessionCookie } from "../support/session";
import { adjustment, overviewSeller, paidOrder, paidPix, params } from "./support";
import { GET } from "@/app/api/v1/overview/route";
import { prisma } from "@/lib/db/client";
import { getOverview } from "@/lib/overview/overview";
import { OverviewQuery } from "@/lib/overview/range";

describe("GET /api/v1/overview", () => {
  useTestDatabase();

  it("returns the page's figures for a custom range, with the API key's store only", async () => {
    const s = await overviewSeller();
    const other = await overviewSeller();
    await paidOrder(s, { amount: 12345, fee: 600, paidAt: "2026-11-10T01:30:00Z" }); // 09/11 local
    await paidPix(s, { amount: 5000, paidAt: "2026-11-10T15:00:00Z" });
    await paidOrder(other, { amount: 99999, paidAt: "2026-11-10T15:00:00Z" });

    const res = await GET(s.call("/api/v1/overview?range=custom&from=2026-11-10&to=2026-11-16"), params());
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      range: "custom",
      timeZone: "America/Sao_Paulo",
      currency: "BRL",
      period: { from: "2026-11-10", to: "2026-11-16", startsAt: "2026-11-10T00:00:00", endsAt: "2026-11-17T00:00:00" },
      previousPeriod: { from: "2026-11-03", to: "2026-11-09" },
      current: { gross: 5000, payments: 1, byMethod: { pix: { gross: 5000 }, card: { gross: 0 } } },
      previous: { gross: 12345, payments: 1, fees: 600, net: 12345 - 600 },
    });
    expect(body.daily.points).toHaveLength(7);
    expect(body.latest.map((p: { amount: number }) => p.amount).sort()).toEqual([12345, 5000].sort());
    const direct = await getOverview(
      s.store.id,
      OverviewQuery.parse({ range: "custom", from: "2026-11-10", to: "2026-11-16" }),
    );
    expect(body.current).toEqual(direct.current);
    expect(body.previous).toEqual(direct.previous);
  });

  it("works with the seller's session and refuses a caller without one", async () => {
    const s = await overviewSeller();
    await paidOrder(s, { amount: 4200, paidAt: new Date().toISOString() });
    const cookie = await sessionCookie(s.user.id);
    const bySession = await GET(
      new NextRequest(new URL("/api/v1/overview?range=today", APP_ORIGIN), { headers: { cookie } }),
      params(),
    );
    expect(bySession.status).toBe(200);
    expect((await bySession.json()).current).toMatchObject({ gross: 4200, payments: 1 });
    const anonymous = await GET(new NextRequest(new URL("/api/v1/overview", APP_ORIGIN)), params());
    expect(anonymous.status).toBe(401);
  });

  it("answers a bad range with 422 and the parameter at fault", async () => {
    const s = await overviewSeller();
    const cases: Array<[string, string]> = [
      ["range=yesterday", "range"],
      ["range=custom&from=2026-11-10", "to"],
      ["range=custom&from=2026-11-10&to=2026-11-01", "to"],
      ["range=custom&from=2026-13-01&to=2026-12-01", "from"],
      ["range=custom&from=2020-01-01&to=2026-01-01", "to"],
      ["range=custom&from=2026-01-01&to=2999-01-01", "to"],
      ["range=7d&store=other", "store"],
    ];
    for (const [query, param] of cases) {
      const res = await GET(s.call(`/api/v1/overview?${query}`), params());
      expect(res.status, query).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.param ?? body.error.message, query).toContain(param);
    }
  });

  it("lists what needs attention, each with where to act", async () => {
    const s = await overviewSeller();
    const now = new Date();
    const order = await paidOrder(s, { amount: 8000, paidAt: new Date(now.getTime() - 86_400_000).toISOString() });
    await adjustment(s, order.id, { kind: "dispute", amount: 8000, at: now.toISOString() });
    const endpoint = await prisma.callbackEndpoint.create({
      data: {
        storeId: s.store.id,
        url: "https://store.example/hooks",
        enabled: false,
        disabledAt: now,
        disabledReason: "failing",
        secretEnc: "x",
        secretPrefix: "whsec_x",
      },
    });
    await prisma.callbackDelivery.create({
      data: {
        storeId: s.store.id,
        endpointId: endpoint.id,
        eventId: "evt_overview_1",
        eventType: "payment.succeeded",
        payload: {},
        status: "FAILED",
        attempts: 8,
      },
    });
    await prisma.pixCharge.create({
      data: {
        storeId: s.store.id,
        reference: "refexpiring1",
        amountCentavos: 1000,
        description: "Expiring",
        status: "pending",
        expiresAt: new Date(now.getTime() + 5 * 60_000),
      },
    });
    await prisma.pixCharge.create({
      data: {
        storeId: s.store.id,
        reference: "reflater1",
        amountCentavos: 1000,
        description: "Later",
        status: "pending",
        expiresAt: new Date(now.getTime() + 50 * 60_000),
      },
    });
    await prisma.stripePayout.create({
      data: {
        storeId: s.store.id,
        stripeAccountId: "acct_overview",
        payoutId: "po_overview_failed",
        amount: 15000,
        currency: "brl",
        status: "failed",
        automatic: true,
        arrivalDate: now,
        failureCode: "account_closed",
        payoutCreatedAt: now,
      },
    });
    await prisma.dunningCase.create({
      data: { storeId: s.store.id, stripeInvoiceId: "in_overview_1", amountDue: 4900, currency: "BRL" },
    });

    const body = await (await GET(s.call("/api/v1/overview"), params())).json();
    const byKind = Object.fromEntries(body.attention.map((a: { kind: string }) => [a.kind, a]));
    expect(byKind.disputes_open).toMatchObject({ count: 1, method: "card", href: `/dashboard/payments/${order.id}` });
    expect(byKind.callback_endpoints_disabled).toMatchObject({ count: 1, href: "/dashboard/callbacks" });
    expect(byKind.callback_deliveries_failed).toMatchObject({ count: 1, href: "/dashboard/callbacks" });
    expect(byKind.pix_expiring).toMatchObject({ count: 1, href: "/dashboard/pix" });
    expect(byKind.payouts_failed).toMatchObject({ count: 1, href: "/dashboard/balance" });
    expect(byKind.plan_payment_failed).toMatchObject({ amount: 4900, currency: "BRL", href: "/dashboard/plan" });
    // Disputes and the failed plan payment come before warnings.
    expect(body.attention[0].tone).toBe("danger");

    // None of it shows on another store's overview.
    const other = await overviewSeller();
    expect((await (await GET(other.call("/api/v1/overview"), params())).json()).attention).toEqual([]);
  });
});
