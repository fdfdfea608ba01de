// Buyer data per gateway, split settings and verification at charge time (issue #12): failover
// skips a gateway the buyer's data cannot satisfy and records why; a charge no gateway can take
// is a 422 naming the field; an unverified config takes no charges.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { updateGatewayConfig } from "@/lib/pix/service/configs";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { POST as createCharge } from "@/app/api/v1/pix/charges/route";
import { addGateway, BUYER, callRoute, FIXTURES, pixSeller, usePixSimulator, type PixSeller } from "./support";

describe("PIX buyer data, splits and verification at charge time", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let seller: PixSeller;
  let pushinpayId: string;

  beforeAll(async () => {
    seller = await pixSeller("req");
    await addGateway(seller, "syncpay");
    pushinpayId = (await addGateway(seller, "pushinpay")).id;
  });
  beforeEach(() => {
    resetRateLimiters();
    clearTokenCache();
  });
  const charge = (body: Record<string, unknown>) =>
    callRoute(createCharge, { apiKey: seller.apiKey, body: { amountCentavos: 2500, description: "Pedido", ...body } });

  it("skips a gateway whose buyer requirements the data cannot meet, says why on the attempt, and charges at the next", async () => {
    const res = await charge({});
    expect(res.status).toBe(201);
    expect(res.json.charge.gateway).toBe("pushinpay");
    const attempts = await db().prisma.pixChargeAttempt.findMany({
      where: { chargeId: res.json.charge.id },
      orderBy: { createdAt: "asc" },
    });
    expect(attempts.map((a) => [a.gateway, a.ok, a.errorCode])).toEqual([
      ["syncpay", false, "customer_data_missing"],
      ["pushinpay", true, null],
    ]);
    expect(attempts[0]!.errorMessage).toMatch(
      /^skipped: SyncPay needs the buyer's data: customer\.name is required; .*customer\.document \(CPF\) is required/,
    );
    expect(pix.sim().charges("syncpay")).toHaveLength(0); // never called
  });

  it("with the data, the first gateway takes it — CPF and phone sent as SyncPay wants them", async () => {
    const res = await charge({ customer: BUYER });
    expect(res.status).toBe(201);
    expect(res.json.charge.gateway).toBe("syncpay");
    const seen = pix.sim().charges("syncpay").at(-1)!;
    expect((seen.received.body as { client: unknown }).client).toMatchObject({
      name: "Maria da Silva",
      cpf: "12345678909",
      phone: "11999990000",
    });
  });

  it("validates CPF check digits and phones at the API, and answers 422 naming the field when no gateway can take the charge", async () => {
    const badCpf = await charge({ customer: { ...BUYER, document: "123.456.789-00" } });
    expect(badCpf.status).toBe(422);
    expect(badCpf.json.error.param).toBe("customer.document");
    const badPhone = await charge({ customer: { ...BUYER, phone: "1234" } });
    expect(badPhone.json.error.param).toBe("customer.phone");
    await updateGatewayConfig(seller.store.id, seller.audit, pushinpayId, { active: false });
    try {
      const before = await db().prisma.pixCharge.count({ where: { storeId: seller.store.id } });
      const refused = await charge({ customer: { name: "Maria da Silva" } });
      expect(refused.status).toBe(422);
      expect(refused.json.error).toMatchObject({
        code: "validation_failed",
        param: "customer.email",
        details: {
          gateway: "syncpay",
          requiredFields: ["name", "email", "document", "phone"],
          missing: ["email", "document", "phone"],
        },
      });
      expect(await db().prisma.pixCharge.count({ where: { storeId: seller.store.id } })).toBe(before);
    } finally {
      await updateGatewayConfig(seller.store.id, seller.audit, pushinpayId, { active: true });
    }
  });

  it("applies a config's split settings on every charge, and skips the config when the amount breaks the gateway's rule", async () => {
    const other = await pixSeller("req-split");
    // WiinPay checks a split against the account's own user id, so the config names it.
    await addGateway(other, "wiinpay", {
      credentials: { ...FIXTURES.wiinpay.credentials, user_id: "wiin_user_sim_self" },
      split: [{ recipientId: "wiin_partner", percentage: 1 }],
    });
    await addGateway(other, "pushinpay", { split: [{ recipientId: "acc_partner", percentage: 50 }] });
    // R$ 20,00: 1 % is R$ 0,20 (> R$ 0,10) — WiinPay takes it with the split.
    const ok = await callRoute(createCharge, {
      apiKey: other.apiKey,
      body: { amountCentavos: 2000, description: "Split", customer: BUYER },
    });
    expect(ok.json.charge.gateway).toBe("wiinpay");
    expect((pix.sim().charges("wiinpay").at(-1)!.received.body as { split: unknown }).split).toMatchObject({
      user_id: "wiin_partner",
      percentage: 1,
      value: 0.2,
    });
    // R$ 9,00: 1 % is R$ 0,09 — WiinPay would refuse; skipped before any call, PushinPay takes 50 %.
    const small = await callRoute(createCharge, {
      apiKey: other.apiKey,
      body: { amountCentavos: 900, description: "Split", customer: BUYER },
    });
    expect(small.json.charge.gateway).toBe("pushinpay");
    const attempts = await db().prisma.pixChargeAttempt.findMany({
      where: { chargeId: small.json.charge.id },
      orderBy: { createdAt: "asc" },
    });
    expect(attempts[0]).toMatchObject({ gateway: "wiinpay", ok: false, errorCode: "invalid_split" });
    expect((pix.sim().charges("pushinpay").at(-1)!.received.body as { split_rules: unknown }).split_rules).toEqual([
      { value: 450, account_id: "acc_partner" },
    ]);
  });

  it("takes no charge at a config that is not verified (new credentials on an active config)", async () => {
    const third = await pixSeller("req-verify");
    const config = await addGateway(third, "pushinpay");
    await updateGatewayConfig(third.store.id, third.audit, config.id, { credentials: FIXTURES.pushinpay.credentials });
    const res = await callRoute(createCharge, {
      apiKey: third.apiKey,
      body: { amountCentavos: 2500, description: "Pedido" },
    });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "no_active_gateway", message: expect.stringMatching(/not verified/) });
  });
});
