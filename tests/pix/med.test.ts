// PIX MED (Mecanismo Especial de Devolução) through the real webhook route with the simulator:
// a gateway that reports MED (SyncPay's `med` status, BCB's MED devolução) opens one dispute on the
// charge however often its webhook repeats, the store gets one signed dispute.created, and the end
// of the MED (refunded to the payer, or rejected) closes it with one dispute.closed. Gateways that
// document no MED never produce one.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { startReceiver as startStoreReceiver, stringHeaders } from "../callbacks/support";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { createEndpoint } from "@/lib/callbacks/endpoints";
import { deliverDue } from "@/lib/callbacks/deliver";
import { paymentsSignature } from "@/lib/callbacks/sign";
import { createPixCharge } from "@/lib/pix/service/charges";
import { listPixDisputes } from "@/lib/pix/disputes";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { POST as webhookRoute } from "@/app/api/webhooks/pix/[gateway]/[token]/route";
import { GET as chargeRoute } from "@/app/api/v1/pix/charges/[id]/route";
import type { SimGatewayId } from "@/sandbox/pix/index";
import { addGateway, BUYER, callRoute, passReadBudget, pixSeller, usePixSimulator, type PixSeller } from "./support";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";

describe("PIX MED", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let store: Awaited<ReturnType<typeof startStoreReceiver>>;
  const sellers = new Map<string, { seller: PixSeller; secret: string; token: string }>();

  beforeAll(async () => {
    store = await startStoreReceiver();
    for (const gw of ["syncpay", "bcb", "pushinpay"] as const) {
      const seller = await pixSeller(`med-${gw}`);
      const { secret } = await createEndpoint(seller.store, { url: store.url }, seller.audit);
      const config = await addGateway(seller, gw);
      sellers.set(gw, { seller, secret, token: config.webhookUrl!.split("/").at(-1)! });
    }
    return () => store.close();
  });
  beforeEach(() => {
    process.env.RATE_LIMIT_WEBHOOK = "10000/minute";
    resetRateLimiters();
    clearTokenCache();
  });

  const paidCharge = async (gw: SimGatewayId, amountCentavos: number) => {
    const { seller } = sellers.get(gw)!;
    const view = await createPixCharge(seller.store.id, seller.audit, {
      amountCentavos,
      description: `Pedido MED ${gw}`,
      orderId: `med-${gw}-${amountCentavos}`,
      customer: BUYER,
    });
    const charge = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    await pix.sim().markPaid(gw, charge.transactionId!);
    await pix.sim().flush();
    expect((await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } })).status).toBe("paid");
    // The next webhook re-reads the charge: let the gateway's read interval pass.
    await passReadBudget(charge.id, pix.sim());
    return charge;
  };
  const callbacksOf = async (storeId: string, chargeId: string, type: string) =>
    (await db().prisma.callbackDelivery.findMany({ where: { storeId, eventType: type } })).filter(
      (d) => (d.payload as { data: { pixChargeId: string } }).data.pixChargeId === chargeId,
    );
  const replayLast = async (gw: string) => {
    const hook = pix.forwarded.at(-1)!;
    const res = await callRoute(webhookRoute, {
      raw: hook.request.body,
      contentType: hook.request.contentType,
      params: { gateway: gw, token: sellers.get(gw)!.token },
    });
    expect(res.status).toBe(200);
  };

  it("SyncPay: a MED opens one dispute under duplicate webhooks, sends dispute.created once, and refunded closes it once", async () => {
    const { seller, secret } = sellers.get("syncpay")!;
    const charge = await paidCharge("syncpay", 5990);

    await pix.sim().openMed("syncpay", charge.transactionId!);
    await pix.sim().flush();
    let row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(row.status).toBe("disputed");
    await passReadBudget(charge.id, pix.sim());
    await replayLast("syncpay");
    await replayLast("syncpay");

    let disputes = await listPixDisputes(seller.store.id, charge.id);
    expect(disputes).toHaveLength(1);
    expect(disputes[0]).toMatchObject({ status: "opened", amountCentavos: 5990, reason: "med", gateway: "syncpay" });
    expect(await callbacksOf(seller.store.id, charge.id, "dispute.created")).toHaveLength(1);

    // The store receives it, signed.
    const before = store.received.length;
    await deliverDue();
    const got = store.received
      .slice(before)
      .find((r) => r.body.includes(charge.id) && r.body.includes("dispute.created"))!;
    expect(got).toBeTruthy();
    expect(stringHeaders(got.headers)["x-payments-signature"]).toBe(paymentsSignature(got.body, secret));
    expect(JSON.parse(got.body).data).toMatchObject({ status: "disputed", amount: 5990, pixChargeId: charge.id });

    // The MED ends with the money back to the payer.
    await passReadBudget(charge.id, pix.sim());
    await pix.sim().resolveMed("syncpay", charge.transactionId!, "refunded");
    await pix.sim().flush();
    await passReadBudget(charge.id, pix.sim());
    await replayLast("syncpay");
    row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(row).toMatchObject({ status: "refunded", refundedCentavos: 5990 });
    disputes = await listPixDisputes(seller.store.id, charge.id);
    expect(disputes).toHaveLength(1);
    expect(disputes[0]!.status).toBe("refunded");
    expect(disputes[0]!.closedAt).toBeInstanceOf(Date);
    const closed = await callbacksOf(seller.store.id, charge.id, "dispute.closed");
    expect(closed).toHaveLength(1);
    expect((closed[0]!.payload as { data: unknown }).data).toMatchObject({
      status: "refunded",
      outcome: "refunded",
      disputeId: disputes[0]!.id,
      refundedAmount: 5990,
    });

    // The seller sees the case on the charge (API and dashboard read the same view).
    const api = await callRoute(chargeRoute, {
      apiKey: seller.apiKey,
      path: `/api/v1/pix/charges/${charge.id}`,
      params: { id: charge.id },
    });
    expect(api.status).toBe(200);
    expect(api.json.charge.disputes).toEqual([
      expect.objectContaining({ id: disputes[0]!.id, status: "refunded", amountCentavos: 5990, reason: "med" }),
    ]);
  });

  it("BCB: a MED devolução in processing opens the dispute; NAO_REALIZADO rejects it and the charge is paid again", async () => {
    const { seller } = sellers.get("bcb")!;
    const charge = await paidCharge("bcb", 7000);
    await pix.sim().openMed("bcb", charge.transactionId!, "MED_FRAUDE");
    await pix.sim().flush();
    expect((await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } })).status).toBe("disputed");
    const [opened] = await listPixDisputes(seller.store.id, charge.id);
    expect(opened).toMatchObject({ status: "opened", reason: "MED_FRAUDE", amountCentavos: 7000 });

    await passReadBudget(charge.id, pix.sim());
    await pix.sim().resolveMed("bcb", charge.transactionId!, "rejected");
    await pix.sim().flush();
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(row).toMatchObject({ status: "paid", refundedCentavos: 0 });
    const disputes = await listPixDisputes(seller.store.id, charge.id);
    expect(disputes.map((d) => d.status)).toEqual(["rejected"]);
    const closed = await callbacksOf(seller.store.id, charge.id, "dispute.closed");
    expect(closed).toHaveLength(1);
    expect((closed[0]!.payload as { data: unknown }).data).toMatchObject({ status: "paid", outcome: "rejected" });
    // The store was never told the money went back.
    expect(await callbacksOf(seller.store.id, charge.id, "payment.refunded")).toHaveLength(0);
  });

  it("a gateway that documents no MED never produces one, even when a webhook body claims it", async () => {
    const { seller, token } = sellers.get("pushinpay")!;
    const charge = await paidCharge("pushinpay", 3100);
    await expect(pix.sim().openMed("pushinpay", charge.transactionId!)).rejects.toThrow(/does not report MED/);
    const claim = JSON.stringify({ id: charge.transactionId, status: "chargeback", value: 3100 });
    const res = await callRoute(webhookRoute, {
      raw: claim,
      contentType: "application/json",
      params: { gateway: "pushinpay", token },
    });
    expect(res.status).toBe(200);
    expect((await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } })).status).toBe("paid");
    expect(await listPixDisputes(seller.store.id, charge.id)).toEqual([]);
    expect(await callbacksOf(seller.store.id, charge.id, "dispute.created")).toHaveLength(0);
  });

  it("another store cannot read a charge's MED cases", async () => {
    const { seller } = sellers.get("syncpay")!;
    const other = sellers.get("bcb")!.seller;
    const charge = await db().prisma.pixDispute.findFirstOrThrow({ where: { storeId: seller.store.id } });
    expect(await listPixDisputes(other.store.id, charge.chargeId)).toEqual([]);
  });
});
