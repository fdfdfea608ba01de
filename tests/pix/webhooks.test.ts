// Gateway webhooks through the real route: the simulator pays, its webhook (JSON or form) reaches
// /api/webhooks/pix/<gateway>/<token>, the charge is re-read at the gateway and becomes paid once,
// and the store gets one signed payment.succeeded callback — however often the webhook repeats.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { startReceiver as startStoreReceiver, stringHeaders } from "../callbacks/support";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { createEndpoint } from "@/lib/callbacks/endpoints";
import { deliverDue } from "@/lib/callbacks/deliver";
import { paymentsSignature } from "@/lib/callbacks/sign";
import { parseFormBody } from "@/lib/pix/webhook-body";
import { createGateway } from "@/lib/pix/registry";
import { createPixCharge } from "@/lib/pix/service/charges";
import { applyPixStatus } from "@/lib/pix/service/apply";
import { reconcilePixCharges } from "@/lib/pix/service/reconciler";
import { clearTokenCache } from "@/lib/pix/token-cache";
import type { PixGatewayId } from "@/lib/pix/types";
import { POST as webhookRoute } from "@/app/api/webhooks/pix/[gateway]/[token]/route";
import { toForm } from "@/sandbox/pix/src/webhooks";
import type { SimGatewayId } from "@/sandbox/pix/index";
import {
  addGateway,
  callRoute,
  FIXTURES,
  pixSeller,
  startReceiver,
  usePixSimulator,
  BUYER,
  passReadBudget,
  type PixSeller,
} from "./support";

process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";

const GATEWAYS: SimGatewayId[] = ["pushinpay", "atomopay", "syncpay", "bcb", "paradise", "wiinpay"];

describe("PIX webhooks", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let capture: Awaited<ReturnType<typeof startReceiver>>;
  let store: Awaited<ReturnType<typeof startStoreReceiver>>;
  const sellers = new Map<
    string,
    { seller: PixSeller; config: { id: string; webhookUrl: string | null }; secret: string }
  >();

  beforeAll(async () => {
    capture = await startReceiver();
    store = await startStoreReceiver();
    for (const gw of GATEWAYS) {
      const seller = await pixSeller(`wh-${gw}`);
      const { secret } = await createEndpoint(seller.store, { url: store.url }, seller.audit);
      const config = await addGateway(seller, gw);
      sellers.set(gw, { seller, config, secret });
    }
    return async () => {
      await capture.close();
      await store.close();
    };
  });
  beforeEach(() => {
    process.env.RATE_LIMIT_WEBHOOK = "10000/minute";
    resetRateLimiters();
    clearTokenCache();
  });

  const newCharge = async (gw: SimGatewayId, amountCentavos = 1990) => {
    const { seller } = sellers.get(gw)!;
    const view = await createPixCharge(seller.store.id, seller.audit, {
      amountCentavos,
      description: `Pedido ${gw}`,
      orderId: `ord-${gw}-${amountCentavos}`,
      customer: BUYER,
    });
    return db().prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
  };
  const deliveriesOf = (chargeStoreId: string, type = "payment.succeeded") =>
    db().prisma.callbackDelivery.findMany({ where: { storeId: chargeStoreId, eventType: type } });
  const tokenOf = (gw: string) => sellers.get(gw)!.config.webhookUrl!.split("/").at(-1)!;
  const post = (gw: string, token: string, raw: string, contentType: string) =>
    callRoute(webhookRoute, { raw, contentType, params: { gateway: gw, token } });

  /** Marks paid at the simulator but catches the webhook on a side receiver instead of the app. */
  async function paidButCaptured(gw: SimGatewayId, transactionId: string) {
    const tag = `/cap/${gw}/${transactionId}`;
    if (gw === "bcb")
      await createGateway("bcb", FIXTURES.bcb.credentials, { baseUrl: pix.sim().baseUrl("bcb") }).registerWebhook(
        capture.url + tag,
      );
    else pix.sim().charge(gw, transactionId)!.webhookUrl = capture.url + tag;
    await pix.sim().markPaid(gw, transactionId);
    if (gw === "bcb")
      await createGateway("bcb", FIXTURES.bcb.credentials, { baseUrl: pix.sim().baseUrl("bcb") }).registerWebhook(
        sellers.get("bcb")!.config.webhookUrl!,
      );
    return capture.last(tag);
  }

  describe.each(GATEWAYS)("%s", (gw) => {
    it("the gateway's own webhook marks the charge paid once, with one signed payment.succeeded callback even when repeated", async () => {
      const { seller, secret } = sellers.get(gw)!;
      const charge = await newCharge(gw);
      const { delivery } = await pix.sim().markPaid(gw, charge.transactionId!);
      expect(delivery?.status).toBe(200);
      const paid = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
      expect(paid).toMatchObject({ status: "paid", paidAmountCentavos: 1990 });
      expect(paid.paidAt).toBeInstanceOf(Date);
      const hook = pix.forwarded.at(-1)!;
      expect(hook.path).toContain(`/api/webhooks/pix/${gw}/`);
      expect(hook.request.contentType).toContain(
        FIXTURES[gw as PixGatewayId].webhookFormat === "form" ? "x-www-form-urlencoded" : "application/json",
      );

      // The same delivery again (gateways retry): 200, nothing new.
      const again = await post(gw, tokenOf(gw), hook.request.body, hook.request.contentType);
      expect(again.status).toBe(200);
      const afterRepeat = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
      expect(afterRepeat.paidAt).toEqual(paid.paidAt);

      const rows = (await deliveriesOf(seller.store.id)).filter(
        (d) => (d.payload as { data: { pixChargeId: string } }).data.pixChargeId === charge.id,
      );
      expect(rows).toHaveLength(1);
      const data = (rows[0]!.payload as { data: Record<string, unknown> }).data;
      expect(data).toMatchObject({
        provider: "pix",
        orderId: `ord-${gw}-1990`,
        storeId: seller.store.id,
        amount: 1990,
        currency: "BRL",
        status: "paid",
        gateway: gw,
      });

      const events = await db().prisma.pixWebhookEvent.findMany({
        where: { matchedChargeId: charge.id },
        orderBy: { createdAt: "asc" },
      });
      expect(events.map((e) => e.outcome)).toEqual(["accepted", "ignored"]);
      expect(events[0]!.matchedBy).toBeTruthy();

      // And the store really receives it, signed.
      const before = store.received.length;
      await deliverDue();
      const got = store.received.slice(before).find((r) => r.body.includes(charge.id))!;
      expect(got).toBeTruthy();
      expect(stringHeaders(got.headers)["x-payments-signature"]).toBe(paymentsSignature(got.body, secret));
      expect(JSON.parse(got.body)).toMatchObject({
        type: "payment.succeeded",
        data: { provider: "pix", pixChargeId: charge.id },
      });
    });

    it("accepts the same notification re-encoded in the other format (JSON ⇄ form)", async () => {
      const charge = await newCharge(gw, 2590);
      const captured = await paidButCaptured(gw, charge.transactionId!);
      const isForm = String(captured.headers["content-type"]).includes("form");
      const asObject = isForm ? parseFormBody(captured.body) : (JSON.parse(captured.body) as Record<string, unknown>);
      const other = isForm
        ? { raw: JSON.stringify(asObject), type: "application/json" }
        : { raw: toForm(asObject).toString(), type: "application/x-www-form-urlencoded" };
      expect((await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } })).status).toBe("pending");
      const res = await post(gw, tokenOf(gw), other.raw, other.type);
      expect(res.status).toBe(200);
      expect(res.json.outcome).toBe("accepted");
      expect((await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } })).status).toBe("paid");
    });
  });

  it("a body that says paid while the gateway says pending changes nothing", async () => {
    const charge = await newCharge("pushinpay", 3300);
    const lie = new URLSearchParams({ id: charge.transactionId!, status: "paid", value: "3300" }).toString();
    const res = await post("pushinpay", tokenOf("pushinpay"), lie, "application/x-www-form-urlencoded");
    expect(res.status).toBe(200);
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(row.status).toBe("pending");
    expect(row.paidAt).toBeNull();
    const ev = await db().prisma.pixWebhookEvent.findFirstOrThrow({ where: { matchedChargeId: charge.id } });
    expect(ev.outcome).toBe("ignored");
    expect(
      await deliveriesOf(sellers.get("pushinpay")!.seller.store.id).then((d) =>
        d.filter((x) => (x.payload as { data: { pixChargeId: string } }).data.pixChargeId === charge.id),
      ),
    ).toHaveLength(0);
  });

  it("a paid webhook that arrives while the gateway can't be re-read still gets 200; the reconciler pays the charge on its next run, once", async () => {
    const { seller } = sellers.get("pushinpay")!;
    const charge = await newCharge("pushinpay", 4100);
    const sent = await paidButCaptured("pushinpay", charge.transactionId!);
    const paidCallbacks = async () =>
      (await deliveriesOf(seller.store.id)).filter(
        (x) => (x.payload as { data: { pixChargeId: string } }).data.pixChargeId === charge.id,
      );
    pix.sim().setOutage("pushinpay", true);
    try {
      const res = await post("pushinpay", tokenOf("pushinpay"), sent.body, String(sent.headers["content-type"]));
      expect(res.status).toBe(200);
      const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
      expect(row.status).toBe("pending");
      expect(row.nextCheckAt!.getTime()).toBeLessThanOrEqual(Date.now());
      const ev = await db().prisma.pixWebhookEvent.findFirstOrThrow({ where: { matchedChargeId: charge.id } });
      expect(ev.outcome).toBe("error");
      expect(await paidCallbacks()).toHaveLength(0);
    } finally {
      pix.sim().setOutage("pushinpay", false);
    }
    // The failed re-read still counted against PushinPay's one-a-minute budget: the reconciler's run comes after it.
    await passReadBudget(charge.id, pix.sim());
    await reconcilePixCharges();
    expect((await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } })).status).toBe("paid");
    await reconcilePixCharges();
    expect(await paidCallbacks()).toHaveLength(1);
  });

  it("a payment below the charge amount is not paid: it is flagged, audited, and no callback goes out", async () => {
    const charge = await newCharge("wiinpay", 5000);
    const result = await applyPixStatus(
      charge.id,
      { status: "paid", amountCentavos: 4000, verified: true, source: "webhook" },
      { actor: { type: "gateway", id: "wiinpay" } },
    );
    expect(result.outcome).toBe("underpaid");
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
    expect(row).toMatchObject({ status: "pending", paidAmountCentavos: 4000, failureCode: "amount_mismatch" });
    expect(await db().prisma.auditLog.count({ where: { action: "pix_charge.underpaid", targetId: charge.id } })).toBe(
      1,
    );
    expect(
      (await deliveriesOf(sellers.get("wiinpay")!.seller.store.id)).some(
        (d) => (d.payload as { data: { pixChargeId: string } }).data.pixChargeId === charge.id,
      ),
    ).toBe(false);
  });

  it("answers 404 to an unknown gateway, an unknown token and a token of another gateway; 400 to a malformed body", async () => {
    const token = tokenOf("pushinpay");
    expect((await post("paypal", token, "{}", "application/json")).status).toBe(404);
    expect((await post("direct_key", token, "{}", "application/json")).status).toBe(404);
    expect((await post("pushinpay", "A".repeat(32), "id=x", "application/x-www-form-urlencoded")).status).toBe(404);
    expect((await post("syncpay", token, "{}", "application/json")).status).toBe(404);
    const bad = await post("pushinpay", token, "not a webhook", "text/plain");
    expect(bad.status).toBe(400);
    const rejected = await db().prisma.pixWebhookEvent.findFirstOrThrow({
      where: { gatewayConfigId: sellers.get("pushinpay")!.config.id, outcome: "rejected" },
    });
    expect(rejected.body).toBe("not a webhook");
  });

  it("answers 200 to a well-formed delivery nobody matches, and logs it as unmatched", async () => {
    const res = await post(
      "paradise",
      tokenOf("paradise"),
      JSON.stringify({
        id: "tx_unknown_1",
        hash: "h_unknown",
        payment_status: "paid",
        amount: 123457,
        reference: "vtrDoesNotExist00000000000000000",
      }),
      "application/json",
    );
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe("unmatched");
  });

  it("counts charges, payments and conversion per gateway config for the seller's page", async () => {
    const { listGatewayConfigs } = await import("@/lib/pix/service/configs");
    const { seller } = sellers.get("syncpay")!;
    const [config] = await listGatewayConfigs(seller.store.id);
    const rows = await db().prisma.pixCharge.findMany({ where: { storeId: seller.store.id } });
    const paid = rows.filter((r) => r.status === "paid");
    expect(paid.length).toBeGreaterThanOrEqual(2);
    expect(config!.stats).toEqual({
      total: rows.length,
      paid: paid.length,
      conversion: paid.length / rows.length,
      paidCentavos: paid.reduce((s, r) => s + r.paidAmountCentavos!, 0),
    });
  });

  it("is rate limited per sender (429 with Retry-After)", async () => {
    process.env.RATE_LIMIT_WEBHOOK = "2/minute";
    resetRateLimiters();
    const token = tokenOf("pushinpay");
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push(await post("pushinpay", token, "id=nope&status=paid&value=1", "application/x-www-form-urlencoded"));
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 429]);
    expect(statuses[2]!.headers.get("retry-after")).toBeTruthy();
  });
});
