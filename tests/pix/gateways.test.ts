// Gateway-specific behaviour the shared conformance suite cannot express.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PixGatewayError } from "@/lib/pix/errors";
import { newPixReference } from "@/lib/pix/reference";
import { createGateway } from "@/lib/pix/registry";
import { clearTokenCache } from "@/lib/pix/token-cache";
import type { RunningPixSimulator } from "@/sandbox/pix/index";
import { BUYER, capturingLogger, FIXTURES, usePixSimulator, type startReceiver } from "./support";

let sim: RunningPixSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const pix = usePixSimulator({ receiver: true });
beforeAll(() => {
  sim = pix.sim();
  receiver = pix.receiver();
});
beforeEach(() => clearTokenCache());

const charge = (amountCentavos = 1990, webhookUrl?: string) => ({
  amountCentavos,
  description: "Pedido",
  reference: newPixReference(),
  webhookUrl,
  customer: BUYER,
});

describe("Átomo Pay token hygiene", () => {
  it("never writes the api_token to any log line or error message, even when the token is refused", async () => {
    const { logger, lines } = capturingLogger();
    const token = FIXTURES.atomopay.credentials.api_token;
    const gw = createGateway("atomopay", FIXTURES.atomopay.credentials, { baseUrl: sim.baseUrl("atomopay"), logger });
    const created = await gw.createCharge(charge(1990, `${receiver.url}/hook/atomo-logs`));
    await gw.getStatus(created);
    await sim.markPaid("atomopay", created.transactionId);
    const hook = receiver.last("/hook/atomo-logs");
    gw.parseWebhook({
      body: hook.body.replace('"paid"', '"weird_status"'),
      headers: { "content-type": "application/json" },
    });
    const bad = createGateway(
      "atomopay",
      { ...FIXTURES.atomopay.credentials, api_token: "wrong_atomo_token_777" },
      { baseUrl: sim.baseUrl("atomopay"), logger },
    );
    const errors: string[] = [];
    for (const op of [() => bad.createCharge(charge()), () => bad.getStatus(created)])
      await op().catch((e: PixGatewayError) => errors.push(e.message + String(e.stack)));
    sim.setOutage("atomopay", true);
    await gw.createCharge(charge()).catch((e: PixGatewayError) => errors.push(e.message));
    sim.setOutage("atomopay", false);

    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.some((l) => l.includes("api_token=%5Bredacted%5D"))).toBe(true); // URLs are logged, redacted
    for (const text of [...lines, ...errors]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain("wrong_atomo_token_777");
    }
    expect(errors).toHaveLength(3);
  });

  it("returns the producer hash on creation and in webhooks for the tenant cross-check", async () => {
    const gw = createGateway("atomopay", FIXTURES.atomopay.credentials, { baseUrl: sim.baseUrl("atomopay") });
    const created = await gw.createCharge(charge(990, `${receiver.url}/hook/atomo-producer`));
    expect(created.producerHash).toBe("producer_sim_1");
    expect(created.hash).toMatch(/^[a-z0-9]{10}$/);
    await sim.markPaid("atomopay", created.transactionId);
    const [event] = gw.parseWebhook({ body: receiver.last("/hook/atomo-producer").body });
    expect(event).toMatchObject({ producerHash: "producer_sim_1", hash: created.hash, amountCentavos: 990 });
  });
});

describe("OAuth token cache", () => {
  it.each(["syncpay", "bcb"] as const)(
    "%s: fetches one token for many calls, and a fresh one after the gateway revokes it",
    async (id) => {
      const gw = () => createGateway(id, FIXTURES[id].credentials, { baseUrl: sim.baseUrl(id) });
      const before = sim.tokensIssued(id);
      await gw().createCharge(charge());
      await gw().createCharge(charge());
      await gw().createCharge(charge());
      expect(sim.tokensIssued(id) - before).toBe(1);
      sim.reset(); // forgets every issued token, as a revocation would
      await gw().createCharge(charge());
      expect(sim.tokensIssued(id)).toBe(1);
    },
  );
});

describe("timeouts", () => {
  it("maps a gateway that never answers to gateway_unavailable within the timeout", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const gw = createGateway("pushinpay", FIXTURES.pushinpay.credentials, {
      baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      timeoutMs: 200,
    });
    const started = Date.now();
    await expect(gw.createCharge(charge())).rejects.toMatchObject({
      code: "gateway_unavailable",
      message: expect.stringContaining("timed out"),
    });
    expect(Date.now() - started).toBeLessThan(2000);
    silent.closeAllConnections();
    silent.close();
  });
});

describe("BCB API Pix", () => {
  const bcb = (opts: { now?: () => Date } = {}) =>
    createGateway("bcb", FIXTURES.bcb.credentials, { baseUrl: sim.baseUrl("bcb"), ...opts });

  it("uses our reference as txid with PUT /cob/{txid} and sends valor.original, chave and expiry", async () => {
    const input = { ...charge(12345), expiresInSeconds: 600, customer: { name: "Maria", document: "123.456.789-09" } };
    const created = await bcb().createCharge(input);
    expect(created.transactionId).toBe(input.reference);
    const seen = sim.charge("bcb", input.reference)!;
    expect(seen.received.body).toMatchObject({
      valor: { original: "123.45" },
      chave: "pix@vitrine.test",
      calendario: { expiracao: 600 },
      devedor: { cpf: "12345678909", nome: "Maria" },
    });
    expect(created.expiresAt!.getTime() - seen.createdAt.getTime()).toBe(600_000);
  });

  it("refuses a reference that is not a valid txid before calling the PSP", async () => {
    await expect(bcb().createCharge({ ...charge(), reference: "vtr_short" })).rejects.toMatchObject({
      code: "gateway_rejected",
    });
  });

  it("reports an ATIVA charge past criação + expiração as failed (there is no expiry callback)", async () => {
    const created = await bcb().createCharge({ ...charge(), expiresInSeconds: 60 });
    expect((await bcb().getStatus(created)).status).toBe("pending");
    const later = bcb({ now: () => new Date(Date.now() + 61_000) });
    expect(await later.getStatus(created)).toMatchObject({ status: "failed", rawStatus: "ATIVA" });
  });

  it("registers the webhook for the Pix key and parses a batched notification into one event per Pix", async () => {
    await bcb().registerWebhook(`${receiver.url}/hook/bcb-batch`);
    expect(sim.bcbWebhook("pix@vitrine.test")).toBe(`${receiver.url}/hook/bcb-batch`);
    const a = await bcb().createCharge(charge(1000));
    const b = await bcb().createCharge(charge(2500));
    await sim.markPaid("bcb", a.transactionId);
    await sim.markPaid("bcb", b.transactionId);
    const items = [receiver.last("/hook/bcb-batch/pix"), receiver.received.at(-2)!].map(
      (c) => (JSON.parse(c.body) as { pix: unknown[] }).pix[0],
    );
    const events = bcb().parseWebhook({
      body: JSON.stringify({ pix: items }),
      headers: { "content-type": "application/json" },
    });
    expect(events.map((e) => [e.transactionId, e.amountCentavos, e.status]).sort()).toEqual(
      [
        [a.transactionId, 1000, "paid"],
        [b.transactionId, 2500, "paid"],
      ].sort(),
    );
    expect(events.every((e) => /^E\d{20}[A-Z0-9]{11}$/.test(e.hash ?? ""))).toBe(true);
  });

  it("notifies a completed devolução, which parses as refunded once it covers the whole Pix", async () => {
    await bcb().registerWebhook(`${receiver.url}/hook/bcb-refund`);
    const created = await bcb().createCharge(charge(800));
    await sim.markPaid("bcb", created.transactionId);
    await bcb().refund({ transactionId: created.transactionId, amountCentavos: 800, paidAmountCentavos: 800 });
    await sim.flush();
    const [event] = bcb().parseWebhook({ body: receiver.last("/hook/bcb-refund/pix").body });
    expect(event).toMatchObject({
      transactionId: created.transactionId,
      status: "refunded",
      refundedCentavos: 800,
      rawStatus: "DEVOLVIDO",
    });
  });

  it("is idempotent per refund id", async () => {
    const created = await bcb().createCharge(charge(1000));
    await sim.markPaid("bcb", created.transactionId);
    const input = {
      transactionId: created.transactionId,
      amountCentavos: 300,
      paidAmountCentavos: 1000,
      refundId: "devRetry123",
    };
    await bcb().refund(input);
    await bcb().refund(input);
    expect(sim.charge("bcb", created.transactionId)!.refunds.map((r) => r.amountCentavos)).toEqual([300]);
  });
});
