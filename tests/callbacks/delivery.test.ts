// The delivery worker against real local receivers: signatures, retries, Retry-After, 410,
// failure streaks, leases, SSRF at send time and redelivery.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { useTestDatabase } from "../support/db";
import { audit, later, newSeller, orderEvent, sampleOrder, startReceiver, stringHeaders } from "./support";
import { enqueueStoreEvent, type StoreEventType } from "@/lib/callbacks/enqueue";
import { createEndpoint, rotateEndpointSecret } from "@/lib/callbacks/endpoints";
import { deliverDue } from "@/lib/callbacks/deliver";
import { redeliver } from "@/lib/callbacks/deliveries";
import { verifyPaymentsSignature } from "@/docs/examples/verify-callback";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";

describe("callback delivery", () => {
  const { db } = useTestDatabase();
  const receivers: { close: () => Promise<void> }[] = [];
  afterAll(async () => Promise.all(receivers.map((r) => r.close())));
  // deliverDue works on the whole outbox: each test starts with nothing due from the ones before.
  beforeEach(async () => {
    await db().prisma.callbackDelivery.updateMany({
      where: { status: { in: ["PENDING", "DELIVERING"] } },
      data: { status: "CANCELED" },
    });
  });
  afterEach(() => {
    process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";
    delete process.env.CALLBACK_DISABLE_AFTER_FAILURES;
    delete process.env.CALLBACK_DISABLE_AFTER_HOURS;
  });

  async function setup(tag: string, replies?: Parameters<typeof startReceiver>[0]) {
    const receiver = await startReceiver(replies);
    receivers.push(receiver);
    const seller = await newSeller(tag);
    const { endpoint, secret } = await createEndpoint(seller.store, { url: receiver.url }, audit(seller.user.id));
    const enqueue = (sourceKey: string, type: StoreEventType = "payment.succeeded") =>
      db().prisma.$transaction((tx) =>
        enqueueStoreEvent(tx, {
          storeId: seller.store.id,
          sourceKey,
          ...orderEvent(type, sampleOrder(seller.store.id, `ord_${sourceKey}`)),
        }),
      );
    const deliveries = () =>
      db().prisma.callbackDelivery.findMany({
        where: { endpointId: endpoint.id },
        include: { attemptLog: { orderBy: { attempt: "asc" } } },
        orderBy: { createdAt: "asc" },
      });
    const reloadEndpoint = () => db().prisma.callbackEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    return { receiver, seller, endpoint, secret, enqueue, deliveries, reloadEndpoint };
  }

  it("POSTs the event once, signed so that standardwebhooks and a plain HMAC both verify it", async () => {
    const t = await setup("signed", [{ status: 200, body: "received, thanks" }]);
    const { eventId } = await t.enqueue("evt_signed");
    await deliverDue();
    await deliverDue();
    expect(t.receiver.received).toHaveLength(1);
    const [req] = t.receiver.received;
    const headers = stringHeaders(req!.headers);
    expect(headers["content-type"]).toBe("application/json");
    expect(new Webhook(t.secret).verify(req!.body, headers)).toMatchObject({
      id: eventId,
      type: "payment.succeeded",
      livemode: false,
      data: { orderId: "ord_evt_signed", amount: 4990 },
    });
    expect(verifyPaymentsSignature(req!.body, headers["x-payments-signature"], t.secret)).toBe(true);
    expect(headers["webhook-id"]).toBe(eventId);
    const [row] = await t.deliveries();
    expect(row).toMatchObject({
      status: "SUCCEEDED",
      attempts: 1,
      lastStatusCode: 200,
      lastResponseExcerpt: "received, thanks",
    });
    expect(row!.deliveredAt).not.toBeNull();
    expect(row!.attemptLog).toHaveLength(1);
    expect(row!.attemptLog[0]).toMatchObject({
      attempt: 1,
      statusCode: 200,
      error: null,
      responseExcerpt: "received, thanks",
    });
    expect(row!.attemptLog[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect((await t.reloadEndpoint()).lastSuccessAt).not.toBeNull();
  });

  it("retries a 500 on the schedule (5 s, then 5 min) and delivers once when the store recovers", async () => {
    const t = await setup("flaky", [{ status: 500, body: "x".repeat(800) }, { status: 502 }, { status: 200 }]);
    await t.enqueue("evt_flaky");
    const t0 = new Date();
    await deliverDue({ now: t0 });
    let [row] = await t.deliveries();
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
    expect(row!.lastResponseExcerpt).toHaveLength(500);
    const wait1 = (row!.nextAttemptAt.getTime() - t0.getTime()) / 1000;
    expect(wait1).toBeGreaterThanOrEqual(4);
    expect(wait1).toBeLessThanOrEqual(6);
    await deliverDue({ now: later(3, t0) });
    expect(t.receiver.received).toHaveLength(1);
    await deliverDue({ now: later(6, t0) });
    [row] = await t.deliveries();
    const wait2 = (row!.nextAttemptAt.getTime() - later(6, t0).getTime()) / 1000;
    expect(wait2).toBeGreaterThanOrEqual(270);
    expect(wait2).toBeLessThanOrEqual(330);
    expect((await t.reloadEndpoint()).consecutiveFailures).toBe(2);
    await deliverDue({ now: later(6 + 331, t0) });
    await deliverDue({ now: later(7200, t0) });
    [row] = await t.deliveries();
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 200 });
    expect(row!.attemptLog.map((a) => a.statusCode)).toEqual([500, 502, 200]);
    expect(new Set(t.receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(t.receiver.received).toHaveLength(3);
    expect((await t.reloadEndpoint()).consecutiveFailures).toBe(0);
  });

  it("gives up (FAILED) after the ninth attempt; other 4xx answers retry like 5xx", async () => {
    const t = await setup("gives-up", [{ status: 400, body: "bad request" }]);
    await t.enqueue("evt_400");
    let at = new Date();
    for (let i = 0; i < 12; i++) {
      await deliverDue({ now: at });
      at = later(90_000, at);
    }
    const [row] = await t.deliveries();
    expect(row).toMatchObject({ status: "FAILED", attempts: 9, lastStatusCode: 400 });
    expect(t.receiver.received).toHaveLength(9);
  });

  it("honours Retry-After on a 429 (seconds or HTTP date)", async () => {
    const t = await setup("throttled", [{ status: 429, headers: { "retry-after": "120" } }]);
    await t.enqueue("evt_429");
    const t0 = new Date(Math.ceil(Date.now() / 1000) * 1000);
    t.receiver.reply([
      { status: 429, headers: { "retry-after": "120" } },
      { status: 429, headers: { "retry-after": new Date(t0.getTime() + 3_600_000).toUTCString() } },
      { status: 200 },
    ]);
    await deliverDue({ now: t0 });
    let [row] = await t.deliveries();
    expect((row!.nextAttemptAt.getTime() - t0.getTime()) / 1000).toBe(120);
    await deliverDue({ now: later(119, t0) });
    expect(t.receiver.received).toHaveLength(1);
    await deliverDue({ now: later(120, t0) });
    [row] = await t.deliveries();
    expect(Math.abs(row!.nextAttemptAt.getTime() - (t0.getTime() + 3_600_000))).toBeLessThan(2000);
    await deliverDue({ now: later(3_601, t0) });
    expect((await t.deliveries())[0]).toMatchObject({ status: "SUCCEEDED", attempts: 3 });
  });

  it("a 410 disables the endpoint and cancels what was still waiting for it", async () => {
    const t = await setup("gone", [{ status: 410, body: "gone" }]);
    await t.enqueue("evt_gone_1");
    await deliverDue({ limit: 1 });
    expect((await t.enqueue("evt_gone_2", "payment.refunded")).deliveries).toBe(0);
    const endpoint = await t.reloadEndpoint();
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: "gone" });
    const rows = await t.deliveries();
    expect(rows.map((r) => r.status)).toEqual(["FAILED"]);
    expect(
      await db().prisma.auditLog.count({
        where: { action: "callback_endpoint.disabled", targetId: t.endpoint.id, actorType: "system" },
      }),
    ).toBe(1);
  });

  it("cancels pending rows of an endpoint disabled by a 410 mid-batch", async () => {
    const t = await setup("gone-batch", [{ status: 410 }]);
    for (let i = 0; i < 3; i++) await t.enqueue(`evt_gb_${i}`);
    await deliverDue({ limit: 1 });
    const statuses = (await t.deliveries()).map((r) => r.status).sort();
    expect(statuses).toEqual(["CANCELED", "CANCELED", "FAILED"]);
    await deliverDue({ now: later(86_400) });
    expect(t.receiver.received).toHaveLength(1);
  });

  it("disables the endpoint after CALLBACK_DISABLE_AFTER_FAILURES consecutive failed attempts (count only)", async () => {
    process.env.CALLBACK_DISABLE_AFTER_FAILURES = "3";
    process.env.CALLBACK_DISABLE_AFTER_HOURS = "0";
    const t = await setup("streak", [{ status: 503 }]);
    for (let i = 0; i < 5; i++) await t.enqueue(`evt_streak_${i}`);
    await deliverDue({ limit: 2 });
    expect(await t.reloadEndpoint()).toMatchObject({ enabled: true, consecutiveFailures: 2 });
    await deliverDue({ limit: 1 });
    expect(await t.reloadEndpoint()).toMatchObject({
      enabled: false,
      disabledReason: "failing",
      consecutiveFailures: 3,
    });
    const statuses = (await t.deliveries()).map((r) => r.status);
    expect(statuses.filter((s) => s === "CANCELED")).toHaveLength(5);
    await deliverDue({ now: later(86_400) });
    expect(t.receiver.received).toHaveLength(3);
  });

  it("keeps the endpoint of a store down for an hour, delivers everything once when it is back, and disables only a streak older than the window", async () => {
    process.env.CALLBACK_DISABLE_AFTER_FAILURES = "3";
    const t = await setup("outage", [{ status: 503 }]);
    for (let i = 0; i < 6; i++) await t.enqueue(`evt_outage_${i}`);
    const start = new Date();
    // An hour of failures: every event tried at 0 s, 5 s and 5 min — far past 3 failures in a row.
    for (const at of [0, 10, 400, 3_000]) await deliverDue({ now: later(at, start) });
    expect(await t.reloadEndpoint()).toMatchObject({ enabled: true, disabledReason: null });
    expect((await t.reloadEndpoint()).consecutiveFailures).toBeGreaterThanOrEqual(12);
    // The store is back: the next attempts deliver each event once, and the streak is cleared.
    t.receiver.reply([{ status: 200 }]);
    const failedBefore = t.receiver.received.length;
    await deliverDue({ now: later(4 * 3_600, start) });
    const bodies = t.receiver.received.slice(failedBefore).map((r) => JSON.parse(r.body).id as string);
    expect(new Set(bodies).size).toBe(6);
    expect(bodies).toHaveLength(6);
    expect((await t.deliveries()).every((d) => d.status === "SUCCEEDED")).toBe(true);
    expect(await t.reloadEndpoint()).toMatchObject({ enabled: true, consecutiveFailures: 0, failingSince: null });

    // A streak that lasts past the 72 h window does disable it.
    t.receiver.reply([{ status: 503 }]);
    for (let i = 0; i < 4; i++) await t.enqueue(`evt_outage_late_${i}`);
    await deliverDue({ now: later(5 * 3_600, start) });
    expect(await t.reloadEndpoint()).toMatchObject({ enabled: true });
    for (let i = 0; i < 4; i++) await t.enqueue(`evt_outage_later_${i}`);
    await deliverDue({ now: later(5 * 3_600 + 73 * 3_600, start) });
    expect(await t.reloadEndpoint()).toMatchObject({ enabled: false, disabledReason: "failing" });
  });

  it("records a connection failure as a retryable attempt with the error", async () => {
    const t = await setup("refused");
    await db().prisma.callbackEndpoint.update({
      where: { id: t.endpoint.id },
      data: { url: "http://127.0.0.1:1/payments/events/" },
    });
    await t.enqueue("evt_refused");
    await deliverDue();
    const [row] = await t.deliveries();
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
    expect(row!.attemptLog[0]!.error).toMatch(/ECONNREFUSED/);
  });

  it("refuses at send time a URL that is no longer allowed, without retrying", async () => {
    const t = await setup("ssrf-late");
    await t.enqueue("evt_ssrf");
    process.env.CALLBACK_ALLOWED_HOSTS = "";
    await deliverDue();
    await deliverDue({ now: later(86_400) });
    const [row] = await t.deliveries();
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row!.lastError).toMatch(/^url_not_allowed: 127\.0\.0\.1 is not a public address/);
    expect(t.receiver.received).toHaveLength(0);
  });

  it("signs with both secrets during a rotation overlap, and only the new one after it", async () => {
    const t = await setup("rotation");
    const { secret: next } = await rotateEndpointSecret(t.seller.store.id, t.endpoint.id, 24, audit(t.seller.user.id));
    await t.enqueue("evt_rot_1");
    await deliverDue();
    const first = t.receiver.received[0]!;
    for (const s of [t.secret, next]) {
      expect(new Webhook(s).verify(first.body, stringHeaders(first.headers))).toBeTruthy();
      expect(verifyPaymentsSignature(first.body, first.headers["x-payments-signature"] as string, s)).toBe(true);
    }
    await t.enqueue("evt_rot_2");
    await deliverDue({ now: later(25 * 3600) });
    const second = t.receiver.received[1]!;
    expect(new Webhook(next).verify(second.body, stringHeaders(second.headers))).toBeTruthy();
    expect(() => new Webhook(t.secret).verify(second.body, stringHeaders(second.headers))).toThrow();
    expect(second.headers["x-payments-signature"]).not.toContain(",");
  });

  it("delivers each event exactly once with several workers at the same time", async () => {
    const t = await setup("parallel", [{ status: 200, delayMs: 15 }]);
    const events = await Promise.all(Array.from({ length: 30 }, (_, i) => t.enqueue(`evt_par_${i}`)));
    // Small batches so the workers' claims interleave while earlier POSTs are still in flight.
    const worker = async () => {
      let claimed = 0;
      for (let r = await deliverDue({ limit: 4 }); r.claimed > 0; r = await deliverDue({ limit: 4 }))
        claimed += r.claimed;
      return claimed;
    };
    const claims = await Promise.all([worker(), worker(), worker()]);
    const ids = t.receiver.received.map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(30);
    expect(new Set(ids)).toEqual(new Set(events.map((e) => e.eventId)));
    expect(claims.reduce((a, b) => a + b, 0)).toBe(30);
    const rows = await t.deliveries();
    expect(rows.every((r) => r.status === "SUCCEEDED" && r.attempts === 1 && r.attemptLog.length === 1)).toBe(true);
  });

  it("takes over a row whose worker died once its lease ends, not before", async () => {
    const t = await setup("lease");
    await t.enqueue("evt_lease");
    const t0 = new Date();
    const [row] = await t.deliveries();
    // What a crashed worker leaves behind: claimed (attempt 1), lease until t0 + 60 s, nothing recorded.
    await db().prisma.callbackDelivery.update({
      where: { id: row!.id },
      data: { status: "DELIVERING", attempts: 1, nextAttemptAt: later(60, t0) },
    });
    await deliverDue({ now: later(30, t0) });
    expect(t.receiver.received).toHaveLength(0);
    await deliverDue({ now: later(61, t0) });
    expect(t.receiver.received).toHaveLength(1);
    expect((await t.deliveries())[0]).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("redelivers a delivered event under the same event id", async () => {
    const t = await setup("redeliver");
    const { eventId } = await t.enqueue("evt_again");
    await deliverDue();
    const [row] = await t.deliveries();
    const reset = await redeliver(t.seller.store.id, row!.id, audit(t.seller.user.id));
    expect(reset.status).toBe("PENDING");
    await deliverDue();
    expect(t.receiver.received.map((r) => r.headers["webhook-id"])).toEqual([eventId, eventId]);
    expect((await t.deliveries())[0]).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect((await t.deliveries())[0]!.attemptLog).toHaveLength(2);
  });
});
