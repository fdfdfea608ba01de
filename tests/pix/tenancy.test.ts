// Webhook matching inside the tenant: transaction id → hash → our reference → (flagged) amount,
// never across stores, and Átomo's producer hash must agree with the account's.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { createPixCharge } from "@/lib/pix/service/charges";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { POST as webhookRoute } from "@/app/api/webhooks/pix/[gateway]/[token]/route";
import type { SimGatewayId } from "@/sandbox/pix/index";
import {
  addGateway,
  callRoute,
  pixSeller,
  startReceiver,
  usePixSimulator,
  BUYER,
  passReadBudget,
  type PixSeller,
} from "./support";

describe("PIX webhook matching and tenant isolation", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let capture: Awaited<ReturnType<typeof startReceiver>>;
  let a: PixSeller, b: PixSeller;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    capture = await startReceiver();
    a = await pixSeller("ten-a");
    b = await pixSeller("ten-b");
    // Both stores hold accounts at the same gateways (the simulator has one account per gateway: the worst case).
    for (const [s, name] of [
      [a, "a"],
      [b, "b"],
    ] as const)
      for (const gw of ["pushinpay", "paradise", "atomopay", "syncpay"] as const) {
        const c = await addGateway(s, gw, { label: `${gw}-${name}` });
        tokens[`${name}:${gw}`] = c.webhookUrl!.split("/").at(-1)!;
      }
    // Paradise and Átomo are tried first where a test needs them.
    return () => capture.close();
  });
  beforeEach(() => {
    process.env.RATE_LIMIT_WEBHOOK = "10000/minute";
    resetRateLimiters();
    clearTokenCache();
  });

  async function chargeAt(seller: PixSeller, gw: SimGatewayId, amountCentavos: number) {
    const configs = await db().prisma.pixGatewayConfig.findMany({ where: { storeId: seller.store.id } });
    for (const c of configs)
      await db().prisma.pixGatewayConfig.update({ where: { id: c.id }, data: { priority: c.gateway === gw ? 0 : 10 } });
    const view = await createPixCharge(seller.store.id, seller.audit, {
      amountCentavos,
      description: "Pedido",
      customer: BUYER,
    });
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.gateway).toBe(gw);
    return row;
  }
  async function paidButCaptured(gw: SimGatewayId, transactionId: string) {
    const tag = `/cap/${gw}/${transactionId}`;
    pix.sim().charge(gw, transactionId)!.webhookUrl = capture.url + tag;
    await pix.sim().markPaid(gw, transactionId);
    return capture.last(tag);
  }
  const post = (store: "a" | "b", gw: string, raw: string, contentType: string) =>
    callRoute(webhookRoute, { raw, contentType, params: { gateway: gw, token: tokens[`${store}:${gw}`]! } });
  const status = async (id: string) => (await db().prisma.pixCharge.findUniqueOrThrow({ where: { id } })).status;
  const lastEvent = async (configToken: string) => {
    const config = await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { endpointToken: configToken } });
    return db().prisma.pixWebhookEvent.findFirstOrThrow({
      where: { gatewayConfigId: config.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
  };

  it("a webhook on store A's URL never touches store B's charge, even with B's real transaction id and B paid", async () => {
    const bCharge = await chargeAt(b, "pushinpay", 1990);
    const captured = await paidButCaptured("pushinpay", bCharge.transactionId!);
    const onA = await post("a", "pushinpay", captured.body, String(captured.headers["content-type"]));
    expect(onA.status).toBe(200);
    expect(onA.json.outcome).toBe("unmatched");
    expect(await status(bCharge.id)).toBe("pending");
    const event = await lastEvent(tokens["a:pushinpay"]!);
    expect(event).toMatchObject({ storeId: a.store.id, outcome: "unmatched", matchedChargeId: null });
    // The same body on B's own URL does it.
    const onB = await post("b", "pushinpay", captured.body, String(captured.headers["content-type"]));
    expect(onB.json.outcome).toBe("accepted");
    expect(await status(bCharge.id)).toBe("paid");
  });

  it("a store's amount fallback only ever considers its own pending charges", async () => {
    const bCharge = await chargeAt(b, "paradise", 7777);
    const body = JSON.stringify({ id: "tx_nobody", hash: "hash_nobody", payment_status: "paid", amount: 7777 });
    const res = await post("a", "paradise", body, "application/json");
    expect(res.json.outcome).toBe("unmatched");
    expect(await status(bCharge.id)).toBe("pending");
  });

  it("matches by hash, then by our reference, when the transaction id is unknown", async () => {
    // An Átomo charge stored before the hash became its transaction id (numeric id kept, hash beside it).
    const stored = await chargeAt(a, "atomopay", 2101);
    await paidButCaptured("atomopay", stored.transactionId!);
    const byHash = await db().prisma.pixCharge.update({
      where: { id: stored.id },
      data: { transactionId: "legacy-5001" },
    });
    expect(byHash.hash).toBeTruthy();
    const r1 = await post(
      "a",
      "atomopay",
      JSON.stringify({
        transaction_hash: byHash.hash,
        status: "paid",
        amount: 2101,
        offer: { producer: { hash: "producer_sim_1" } },
      }),
      "application/json",
    );
    expect(r1.json.outcome).toBe("accepted");
    expect((await lastEvent(tokens["a:atomopay"]!)).matchedBy).toBe("hash");
    expect(await status(byHash.id)).toBe("paid");

    // Paradise's postback names our reference `external_id` (issue #12): found by it alone.
    const byRef = await chargeAt(a, "paradise", 2102);
    await paidButCaptured("paradise", byRef.transactionId!);
    const r2 = await post(
      "a",
      "paradise",
      JSON.stringify({ transaction_id: 990001, external_id: byRef.reference, status: "approved", amount: 2102 }),
      "application/json",
    );
    expect(r2.json.outcome).toBe("accepted");
    expect((await lastEvent(tokens["a:paradise"]!)).matchedBy).toBe("reference");
    expect(await status(byRef.id)).toBe("paid");
  });

  it("an amount-only match is flagged and decided by the gateway: unpaid there → stays pending; paid there → paid", async () => {
    const charge = await chargeAt(a, "paradise", 4321);
    const hint = JSON.stringify({ transaction_id: 990002, status: "approved", amount: 4321 });
    const r1 = await post("a", "paradise", hint, "application/json");
    expect(r1.status).toBe(200);
    const e1 = await lastEvent(tokens["a:paradise"]!);
    expect(e1).toMatchObject({ matchedChargeId: charge.id, matchedBy: "amount (flagged)", outcome: "ignored" });
    expect(await status(charge.id)).toBe("pending");
    await paidButCaptured("paradise", charge.transactionId!);
    await passReadBudget(charge.id);
    await post("a", "paradise", hint, "application/json");
    expect(await status(charge.id)).toBe("paid");
  });

  it("Átomo: a notification whose producer hash is not this account's is refused even with the right transaction id", async () => {
    const charge = await chargeAt(a, "atomopay", 1500);
    expect(charge.producerHash).toBe("producer_sim_1");
    const captured = await paidButCaptured("atomopay", charge.transactionId!);
    // Wherever this postback variant carries the producer (producer.hash or offer.producer.hash).
    const forged = captured.body.replaceAll("producer_sim_1", "producer_of_someone_else");
    expect(forged).not.toBe(captured.body);
    const res = await post("a", "atomopay", forged, "application/json");
    expect(res.json.outcome).toBe("unmatched");
    expect((await lastEvent(tokens["a:atomopay"]!)).detail).toBe("producer_mismatch");
    expect(await status(charge.id)).toBe("pending");
    const genuine = await post("a", "atomopay", captured.body, "application/json");
    expect(genuine.json.outcome).toBe("accepted");
    expect(await status(charge.id)).toBe("paid");
    expect(
      (await db().prisma.pixGatewayConfig.findFirstOrThrow({ where: { endpointToken: tokens["a:atomopay"]! } }))
        .producerHash,
    ).toBe("producer_sim_1");
  });
});
