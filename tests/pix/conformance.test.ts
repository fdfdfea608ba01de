// One conformance suite for every registered PIX gateway, against the local simulator (no mocks).
import { parsePix } from "pix-utils";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseBrCode } from "@/lib/pix/brcode";
import { PixGatewayError } from "@/lib/pix/errors";
import { newPixReference } from "@/lib/pix/reference";
import { createGateway, listPixGateways } from "@/lib/pix/registry";
import { clearTokenCache } from "@/lib/pix/token-cache";
import type { CreatePixChargeInput, PixGateway } from "@/lib/pix/types";
import { parseFormBody } from "@/lib/pix/webhook-body";
import { SIMULATOR_CREDENTIALS, type RunningPixSimulator } from "@/sandbox/pix/index";
import { toForm } from "@/sandbox/pix/src/webhooks";
import { FIXTURES, usePixSimulator, type startReceiver } from "./support";

let sim: RunningPixSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const pix = usePixSimulator({ receiver: true });
beforeAll(() => {
  sim = pix.sim();
  receiver = pix.receiver();
});
beforeEach(() => clearTokenCache());

async function rejection(p: Promise<unknown> | (() => unknown)): Promise<PixGatewayError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(PixGatewayError);
    return err as PixGatewayError;
  }
  throw new Error("expected a PixGatewayError, got success");
}

const gateways = listPixGateways();

it("has a conformance fixture for every registered gateway (a new gateway cannot skip this suite)", () => {
  expect(gateways.map((g) => g.id).sort()).toEqual(Object.keys(FIXTURES).sort());
});

describe.each(gateways)("$name ($id)", (info) => {
  const fx = FIXTURES[info.id];
  const simulated = fx.sim !== undefined;
  const gw = (credentials = fx.credentials): PixGateway =>
    createGateway(info.id, credentials, simulated ? { baseUrl: sim.baseUrl(fx.sim!) } : {});
  const hookPath = (tag: string) => `/hook/${info.id}/${tag}`;
  const input = (amountCentavos: number, tag = newPixReference()): CreatePixChargeInput => ({
    amountCentavos,
    description: "Pedido #42 — camiseta",
    reference: newPixReference(),
    // Formatted as a buyer types it: the adapter sends what the gateway accepts (digits, no +55).
    customer: {
      name: "Maria da Silva",
      email: "maria@example.com",
      document: "123.456.789-09",
      phone: "+55 (11) 99999-0000",
    },
    webhookUrl: receiver.url + hookPath(tag),
  });

  async function paidViaWebhook(amount = 1990) {
    const g = gw();
    if (info.capabilities.webhookRegistration) await g.registerWebhook(`${receiver.url}/hook/${info.id}/registered`);
    const tag = newPixReference();
    const charge = await g.createCharge(input(amount, tag));
    const { delivery } = await sim.markPaid(fx.sim!, charge.transactionId);
    expect(delivery?.status).toBe(200);
    const captured = receiver.last(
      info.capabilities.webhookRegistration ? `/hook/${info.id}/registered/pix` : hookPath(tag),
    );
    return { g, charge, captured };
  }

  it("declares a name, unit, minimum and credential fields with at least one secret (unless no secret exists)", () => {
    expect(info.name.length).toBeGreaterThan(2);
    expect(["reais", "centavos"]).toContain(info.amountUnit);
    expect(info.minimumCentavos).toBeGreaterThanOrEqual(1);
    expect(info.credentialFields.length).toBeGreaterThan(0);
    expect(info.credentialFields.some((f) => f.secret)).toBe(info.id !== "direct_key");
  });

  it("creates a charge whose BR Code parses, has a valid CRC and carries the right amount", async () => {
    const req = input(1990);
    const charge = await gw().createCharge(req);
    expect(charge.transactionId).toBeTruthy();
    expect(charge.reference).toBe(req.reference);
    expect(charge.status).toBe("pending");
    expect(charge.amountCentavos).toBe(1990);
    const parsed = parseBrCode(charge.brCode);
    expect(parsePix(charge.brCode)).not.toHaveProperty("error"); // an independent parser agrees
    if (simulated) {
      // The gateway's own id, never our reference echoed back (BCB is the exception: our reference is its txid).
      if (info.id !== "bcb") expect(charge.transactionId).not.toBe(req.reference);
      expect(parsed.type).toBe("dynamic");
      expect(parsed.oneTime).toBe(true);
      const seen = sim.charge(fx.sim!, charge.transactionId)!;
      expect(seen.amountCentavos).toBe(1990);
      expect(fx.wireAmount(seen.received)).toStrictEqual(fx.toWire(1990));
      expect(seen.received.contentType).toContain("application/json");
      // Zone-less gateway times are Brasília time: the expiry is where the gateway put it, not hours off.
      if (charge.expiresAt)
        expect(
          Math.abs(charge.expiresAt.getTime() - (seen.createdAt.getTime() + seen.expiresInSeconds * 1000)),
        ).toBeLessThan(1000);
    } else {
      expect(parsed).toMatchObject({
        type: "static",
        amountCentavos: 1990,
        pixKey: fx.credentials.pix_key,
        txid: req.reference.slice(0, 25),
      });
    }
  });

  it.runIf(simulated)("sends amounts in the gateway's unit without float drift", async () => {
    for (const amount of [info.minimumCentavos, 1001, 1999, 123456, 999999]) {
      const charge = await gw().createCharge(input(amount));
      const seen = sim.charge(fx.sim!, charge.transactionId)!;
      expect(fx.wireAmount(seen.received)).toStrictEqual(fx.toWire(amount));
      expect(seen.amountCentavos).toBe(amount);
    }
  });

  it("refuses amounts below the minimum and amounts that are not positive integer centavos", async () => {
    if (info.minimumCentavos > 1)
      expect((await rejection(gw().createCharge(input(info.minimumCentavos - 1)))).code).toBe("amount_below_minimum");
    for (const bad of [0, -100, 19.9, Number.NaN, Number.POSITIVE_INFINITY])
      expect((await rejection(gw().createCharge(input(bad)))).code).toBe("invalid_amount");
    const atMinimum = await gw().createCharge(input(info.minimumCentavos));
    expect(atMinimum.amountCentavos).toBe(info.minimumCentavos);
  });

  it("rejects bad credentials with invalid_credentials and accepts good ones", async () => {
    await expect(gw().verifyCredentials()).resolves.toBeUndefined();
    expect((await rejection(() => createGateway(info.id, {}))).code).toBe("invalid_credentials");
    if (simulated) {
      const bad = gw(fx.badCredentials);
      expect((await rejection(bad.verifyCredentials())).code).toBe("invalid_credentials");
      const err = await rejection(bad.createCharge(input(1990)));
      expect(err.code).toBe("invalid_credentials");
      for (const secret of Object.values(fx.badCredentials))
        if (secret.startsWith("wrong")) expect(err.message).not.toContain(secret);
    } else {
      expect((await rejection(() => createGateway(info.id, fx.badCredentials))).code).toBe("invalid_credentials");
    }
  });

  it.runIf(simulated)(
    "turns the paid webhook (as sent, and re-encoded in the other format) into a paid event",
    async () => {
      const { g, charge, captured } = await paidViaWebhook(1990);
      expect(String(captured.headers["content-type"])).toContain(
        fx.webhookFormat === "form" ? "x-www-form-urlencoded" : "application/json",
      );
      const [event] = g.parseWebhook({ body: captured.body, headers: captured.headers as Record<string, string> });
      expect(event).toMatchObject({ transactionId: charge.transactionId, status: "paid", amountCentavos: 1990 });
      if (info.id !== "pushinpay") expect(event.reference).toBe(charge.reference);
      // Same notification in the other encoding must normalise identically.
      const asObject =
        fx.webhookFormat === "form"
          ? parseFormBody(captured.body)
          : (JSON.parse(captured.body) as Record<string, unknown>);
      const other =
        fx.webhookFormat === "form"
          ? { body: JSON.stringify(asObject), headers: { "content-type": "application/json" } }
          : { body: toForm(asObject).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
      const [again] = g.parseWebhook(other);
      expect({ ...again, raw: undefined }).toEqual({ ...event, raw: undefined });
    },
  );

  it.runIf(simulated)("rejects webhook bodies that are not JSON objects or forms, or lack the charge id", async () => {
    for (const body of ["", "not a webhook", "[1,2]", '{"unrelated":true}'])
      expect((await rejection(() => gw().parseWebhook({ body, headers: {} }))).code).toBe("invalid_webhook");
  });

  it.runIf(info.capabilities.statusQuery)(
    "reads status: pending, then paid with the amount, then failed once expired",
    async () => {
      const g = gw();
      const charge = await g.createCharge(input(2500));
      expect(await g.getStatus(charge)).toMatchObject({ transactionId: charge.transactionId, status: "pending" });
      await sim.markPaid(fx.sim!, charge.transactionId);
      // Reads of one charge are spaced by the adapter's declared budget (PushinPay refuses faster ones).
      sim.advanceClock(info.statusReadIntervalMs);
      expect(await g.getStatus(charge)).toMatchObject({ status: "paid", amountCentavos: 2500 });
      const other = await g.createCharge(input(2500));
      await sim.markExpired(fx.sim!, other.transactionId);
      expect((await g.getStatus(other)).status).toBe("failed");
      expect((await rejection(g.getStatus({ transactionId: "unknownchargeid00000000000000000" }))).code).toBe(
        "not_found",
      );
    },
  );

  it.runIf(!info.capabilities.statusQuery)("says not_supported for status queries and webhooks", async () => {
    const g = gw();
    expect((await rejection(g.getStatus({ transactionId: "x" }))).code).toBe("not_supported");
    expect((await rejection(() => g.parseWebhook({ body: "{}" }))).code).toBe("not_supported");
  });

  it.runIf(simulated && info.id !== "bcb")(
    "maps expired and refunded notifications to failed and refunded",
    async () => {
      const g = gw();
      const tag = newPixReference();
      const expiring = await g.createCharge(input(1990, tag));
      await sim.markExpired(fx.sim!, expiring.transactionId);
      expect(
        g.parseWebhook({
          body: receiver.last(hookPath(tag)).body,
          headers: receiver.last(hookPath(tag)).headers as Record<string, string>,
        })[0].status,
      ).toBe("failed");
      const { charge, captured } = await paidViaWebhook(1990);
      await sim.markRefunded(fx.sim!, charge.transactionId);
      const refundHook = [...receiver.received]
        .reverse()
        .find((c) => c.body !== captured.body && c.path === captured.path)!;
      expect(
        g.parseWebhook({ body: refundHook.body, headers: refundHook.headers as Record<string, string> })[0],
      ).toMatchObject({ status: "refunded", amountCentavos: 1990 });
    },
  );

  it.runIf(!info.capabilities.refund)("says not_supported for refunds", async () => {
    const err = await rejection(gw().refund({ transactionId: "t1", amountCentavos: 100, paidAmountCentavos: 1990 }));
    expect(err.code).toBe("not_supported");
  });

  it.runIf(info.capabilities.refund)("refunds partially, then the rest, and never above the amount paid", async () => {
    const { g, charge } = await paidViaWebhook(1990);
    const first = await g.refund({
      transactionId: charge.transactionId,
      amountCentavos: 500,
      paidAmountCentavos: 1990,
    });
    expect(first).toMatchObject({ amountCentavos: 500, status: "pending" });
    await sim.flush();
    expect(await g.getStatus(charge)).toMatchObject({ status: "paid", refundedCentavos: 500 });
    const over = await rejection(
      g.refund({
        transactionId: charge.transactionId,
        amountCentavos: 1491,
        paidAmountCentavos: 1990,
        alreadyRefundedCentavos: 500,
      }),
    );
    expect(over.code).toBe("invalid_amount");
    await g.refund({
      transactionId: charge.transactionId,
      amountCentavos: 1490,
      paidAmountCentavos: 1990,
      alreadyRefundedCentavos: 500,
    });
    await sim.flush();
    expect(await g.getStatus(charge)).toMatchObject({ status: "refunded", refundedCentavos: 1990 });
    // The gateway itself refuses too, if our bookkeeping were ever wrong.
    const lied = await rejection(
      g.refund({
        transactionId: charge.transactionId,
        amountCentavos: 100,
        paidAmountCentavos: 5000,
        alreadyRefundedCentavos: 0,
      }),
    );
    expect(lied.code).toBe("gateway_rejected");
  });

  it("declares the buyer data it requires, and refuses a charge without it before calling the gateway", async () => {
    expect(info.customer).toEqual(fx.customer);
    const required = Object.values(fx.customer).some(Boolean);
    const before = simulated ? sim.charges(fx.sim).length : 0;
    if (!required) {
      expect((await gw().createCharge({ ...input(1990), customer: undefined })).transactionId).toBeTruthy();
      return;
    }
    const missing = await rejection(gw().createCharge({ ...input(1990), customer: undefined }));
    expect(missing.code).toBe("invalid_customer");
    if (fx.customer.document) {
      const badCpf = await rejection(
        gw().createCharge({ ...input(1990), customer: { ...input(1).customer, document: "123.456.789-00" } }),
      );
      expect(badCpf.code).toBe("invalid_customer");
      expect(badCpf.message).toContain("document");
    }
    if (fx.customer.phone) {
      const badPhone = await rejection(
        gw().createCharge({ ...input(1990), customer: { ...input(1).customer, phone: "9999" } }),
      );
      expect(badPhone.code).toBe("invalid_customer");
    }
    if (simulated) expect(sim.charges(fx.sim).length).toBe(before);
  });

  it.runIf(info.capabilities.statusQuery && simulated)(
    "declares a status-read budget the gateway's rule allows",
    async () => {
      expect(info.statusReadIntervalMs).toBeGreaterThanOrEqual(sim.readRule(fx.sim!)?.perTransactionMs ?? 1000);
      const g = gw();
      const charge = await g.createCharge(input(1990));
      for (let i = 0; i < 4; i++) {
        await expect(g.getStatus(charge)).resolves.toMatchObject({ status: "pending" });
        sim.advanceClock(info.statusReadIntervalMs);
      }
      expect(sim.statusReads(fx.sim).filter((r) => r.outcome === "rate_limited" || r.outcome === "blocked")).toEqual(
        [],
      );
    },
  );

  it.runIf(info.id === "pushinpay")(
    "PushinPay's simulator refuses a second read within a minute, and blocks the account after repeated abuse",
    async () => {
      const g = gw();
      const charge = await g.createCharge(input(1990));
      await g.getStatus(charge);
      expect((await rejection(g.getStatus(charge))).code).toBe("gateway_unavailable");
      await rejection(g.getStatus(charge));
      await rejection(g.getStatus(charge));
      expect(sim.isBlocked("pushinpay")).toBe(true);
      sim.advanceClock(120_000);
      expect((await rejection(g.createCharge(input(1990)))).details.httpStatus).toBe(403);
      sim.unblock("pushinpay");
    },
  );

  it.runIf(!!fx.badSplit)("refuses a split outside the gateway's limits before calling it", async () => {
    const before = sim.charges(fx.sim).length;
    const err = await rejection(
      gw().createCharge({ ...input(fx.badSplit!.amountCentavos), split: fx.badSplit!.split }),
    );
    expect(err.code).toBe("invalid_split");
    expect(sim.charges(fx.sim).length).toBe(before);
  });

  it.runIf(info.id === "atomopay")(
    "Átomo: reads every create and postback variant (root pix_code, offer.producer.hash, transaction_hash, wrapped in transaction/payload)",
    async () => {
      for (let i = 0; i < 3; i++) {
        const { g, charge, captured } = await paidViaWebhook(1990 + i);
        expect(charge.producerHash).toBe(SIMULATOR_CREDENTIALS.atomopay.producer_hash);
        const [event] = g.parseWebhook({ body: captured.body, headers: captured.headers as Record<string, string> });
        expect(event).toMatchObject({
          transactionId: charge.transactionId,
          status: "paid",
          amountCentavos: 1990 + i,
          producerHash: SIMULATOR_CREDENTIALS.atomopay.producer_hash,
          reference: charge.reference,
        });
      }
    },
  );

  it.runIf(info.capabilities.split)("passes split rules to the gateway", async () => {
    const charge = await gw().createCharge({ ...input(10000), split: [{ recipientId: "partner_1", percentage: 10 }] });
    expect(JSON.stringify(sim.charge(fx.sim!, charge.transactionId)!.received.body)).toContain("partner_1");
  });

  it.runIf(!info.capabilities.split)("says not_supported for split rules", async () => {
    expect(
      (await rejection(gw().createCharge({ ...input(10000), split: [{ recipientId: "p", percentage: 10 }] }))).code,
    ).toBe("not_supported");
  });

  it.runIf(simulated)("reports gateway_unavailable when the gateway is down", async () => {
    sim.setOutage(fx.sim!, true);
    try {
      expect((await rejection(gw().createCharge(input(1990)))).code).toBe("gateway_unavailable");
    } finally {
      sim.setOutage(fx.sim!, false);
    }
  });
});
