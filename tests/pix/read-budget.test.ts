// The per-gateway status-read budget (issue #12): every path that reads a charge's status — the
// buyer page's polling, the webhook re-read, the reconciler, the seller's refresh — claims the read
// in one place, so a burst of all of them reaches PushinPay at most once per charge per minute
// (counted at the simulator, which refuses and eventually blocks anything faster).
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { createPixCharge, getPublicPixStatus, refreshPixCharge } from "@/lib/pix/service/charges";
import { reconcilePixCharges } from "@/lib/pix/service/reconciler";
import { readStatusWithinBudget } from "@/lib/pix/service/read-budget";
import { gatewayFor } from "@/lib/pix/service/runtime";
import { GET as publicStatusRoute } from "@/app/api/pix/charges/[id]/route";
import { POST as refreshRoute } from "@/app/api/v1/pix/charges/[id]/refresh/route";
import { addGateway, callRoute, pixSeller, usePixSimulator, type PixSeller } from "./support";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";

describe("PIX status-read budget", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let seller: PixSeller;

  beforeAll(async () => {
    process.env.RATE_LIMIT_WEBHOOK = "100000/minute";
    resetRateLimiters();
    seller = await pixSeller("budget");
    await addGateway(seller, "pushinpay");
  });

  const readsOf = (transactionId: string) =>
    pix
      .sim()
      .statusReads("pushinpay")
      .filter((r) => r.id === transactionId);

  it("a burst of buyer polls, seller refreshes, webhooks and reconciler runs reads PushinPay once per charge per minute", async () => {
    const sim = pix.sim();
    const view = await createPixCharge(seller.store.id, seller.audit, {
      amountCentavos: 2500,
      description: "Pedido budget",
    });
    const charge = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    const t0 = new Date();

    // Everything at once: 30 buyer polls (through the real public route), 5 seller refreshes, 3 reconciler runs (the charge is due).
    await db().prisma.pixCharge.update({ where: { id: charge.id }, data: { nextCheckAt: t0 } });
    const polls = Array.from({ length: 30 }, () =>
      callRoute(publicStatusRoute, { path: `/api/pix/charges/${charge.id}`, params: { id: charge.id } }),
    );
    const refreshes = Array.from({ length: 5 }, () =>
      callRoute(refreshRoute, {
        method: "POST",
        path: `/api/v1/pix/charges/${charge.id}/refresh`,
        params: { id: charge.id },
        apiKey: seller.apiKey,
      }),
    );
    const runs = Array.from({ length: 3 }, () => reconcilePixCharges());
    const [pollAnswers, refreshAnswers] = await Promise.all([
      Promise.all(polls),
      Promise.all(refreshes),
      Promise.all(runs),
    ]);
    expect(readsOf(charge.transactionId!)).toHaveLength(1);
    for (const a of pollAnswers) {
      expect(a.status).toBe(200);
      expect(a.json).toMatchObject({ status: "pending" });
      // The page comes back within seconds (our database: a webhook's payment shows at once); the
      // gateway is read once a minute whatever the page's pace (one read above).
      expect(a.json.pollAfterSeconds).toBeGreaterThanOrEqual(3);
      expect(a.json.pollAfterSeconds).toBeLessThanOrEqual(5);
    }
    // The seller's "check now" within the minute: 429 with Retry-After and a reason, not a second read.
    const refused = refreshAnswers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(4);
    expect(refused[0]!.json.error.message).toMatch(/PushinPay allows one status check per charge every 60 s/);
    expect(Number(refused[0]!.headers.get("retry-after"))).toBeGreaterThan(0);

    // The buyer pays: PushinPay's webhook arrives (repeatedly) while the budget is spent. Webhooks
    // are the signal, but the body is only a hint: the re-read waits for the budget, scheduled.
    await sim.markPaid("pushinpay", charge.transactionId!);
    await sim.markPaid("pushinpay", charge.transactionId!).catch(() => undefined);
    const events = await db().prisma.pixWebhookEvent.findMany({ where: { matchedChargeId: charge.id } });
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.every((e) => e.detail?.startsWith("deferred:"))).toBe(true);
    const scheduled = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(scheduled.status).toBe("pending");
    expect(scheduled.nextCheckAt!.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 59_000);
    expect(readsOf(charge.transactionId!)).toHaveLength(1);

    // Three simulated minutes: buyer polls every second, the reconciler every 10 s. Reads never
    // outrun the budget (the simulator would refuse them) and the payment lands when it allows.
    let paidAt: number | null = null;
    for (let s = 1; s <= 180; s++) {
      sim.advanceClock(1000);
      const now = new Date(t0.getTime() + s * 1000);
      const answers = await Promise.all([getPublicPixStatus(charge.id, now), getPublicPixStatus(charge.id, now)]);
      if (s % 10 === 0) await reconcilePixCharges({ now });
      if (paidAt === null && answers.some((a) => a.status === "paid")) paidAt = s;
      expect(readsOf(charge.transactionId!).length).toBeLessThanOrEqual(Math.floor(s / 60) + 1);
    }
    expect(paidAt).not.toBeNull();
    // Paid by the first read the budget allowed: a minute after the burst's read (which came a moment after t0).
    const burstRead = (readsOf(charge.transactionId!)[0]!.at.getTime() - t0.getTime()) / 1000;
    expect(paidAt!).toBeGreaterThanOrEqual(60);
    expect(paidAt!).toBeLessThanOrEqual(Math.ceil(burstRead) + 61);
    expect(readsOf(charge.transactionId!).map((r) => r.outcome)).toEqual(["ok", "ok"]);
    expect(sim.statusReads("pushinpay").filter((r) => r.outcome === "rate_limited" || r.outcome === "blocked")).toEqual(
      [],
    );
    expect(sim.isBlocked("pushinpay")).toBe(false);
  });

  it("the seller's refresh reads again once the minute has passed", async () => {
    const view = await createPixCharge(seller.store.id, seller.audit, {
      amountCentavos: 3000,
      description: "Pedido refresh",
    });
    const charge = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    await refreshPixCharge(seller.store.id, charge.id);
    await expect(refreshPixCharge(seller.store.id, charge.id)).rejects.toMatchObject({ code: "rate_limited" });
    // As if a minute went by (on both clocks).
    await db().prisma.pixCharge.update({
      where: { id: charge.id },
      data: { lastGatewayReadAt: new Date(Date.now() - 61_000) },
    });
    pix.sim().advanceClock(61_000);
    await expect(refreshPixCharge(seller.store.id, charge.id)).resolves.toMatchObject({ status: "pending" });
    expect(readsOf(charge.transactionId!)).toHaveLength(2);
  });

  it("counts a slow read from when the gateway answered, so the next one is a whole minute after the gateway saw it", async () => {
    const view = await createPixCharge(seller.store.id, seller.audit, { amountCentavos: 3100, description: "Lenta" });
    const charge = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    const config = await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id: charge.gatewayConfigId! } });
    const real = gatewayFor(config);
    // The gateway (the simulator) answers, but the request takes 1.5 s to come back, as on a loaded machine.
    const slow = {
      ...real,
      getStatus: async (q: Parameters<typeof real.getStatus>[0]) => {
        await new Promise((r) => setTimeout(r, 1500));
        return real.getStatus(q);
      },
    } as typeof real;
    const t0 = new Date();
    expect((await readStatusWithinBudget(charge, config, t0, slow)).read).toBe(true);
    // 60 s after the claim is not yet a minute after the answer.
    const early = await readStatusWithinBudget(charge, config, new Date(t0.getTime() + 60_000), real);
    expect(early).toMatchObject({ read: false, limit: "charge" });
    expect(early.read ? 0 : early.retryAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(61_400);
    expect(readsOf(charge.transactionId!)).toHaveLength(1);
  });
});
