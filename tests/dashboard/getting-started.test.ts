// The Getting-started checklist is computed from the store's real data: each step turns done only
// when what it asks for exists (and works), in the order a new seller can do them, for this store only.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore, type Seller } from "../support/seller";
import { addGateway, usePixSimulator, type PixSeller } from "../pix/support";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/client";
import { getGettingStarted, gettingStartedSteps } from "@/lib/account/getting-started";

const doneOf = async (seller: Seller) =>
  Object.fromEntries((await getGettingStarted(seller.store)).steps.map((s) => [s.id, s.done]));

describe("getting started", () => {
  useTestDatabase();
  usePixSimulator();
  let seller: Seller;
  let other: Seller;
  beforeAll(async () => {
    seller = await sellerWithStore({ tag: "gs" });
    other = await sellerWithStore({ tag: "gs-other" });
  });

  it("lists the steps in the order they can be done, only the store done at first", async () => {
    const checklist = await getGettingStarted(seller.store);
    expect(checklist.steps.map((s) => s.id)).toEqual([
      "store",
      "connect",
      "product",
      "pix",
      "apiKey",
      "callbacks",
      "firstPayment",
    ]);
    expect(checklist.steps.filter((s) => s.done).map((s) => s.id)).toEqual(["store"]);
    expect(checklist).toMatchObject({ done: 1, total: 7, complete: false });
    expect(checklist.steps.find((s) => s.id === "pix")?.href).toBe("/dashboard/pix");
  });

  it("counts Stripe only once charges are enabled", async () => {
    await prisma.stripeAccount.create({
      data: { storeId: seller.store.id, accountId: "acct_gs_1", country: "BR", chargesEnabled: false },
    });
    expect((await doneOf(seller)).connect).toBe(false);
    await prisma.stripeAccount.update({ where: { storeId: seller.store.id }, data: { chargesEnabled: true } });
    expect((await doneOf(seller)).connect).toBe(true);
  });

  it("counts a product once it is published to Stripe", async () => {
    const product = await prisma.product.create({ data: { storeId: seller.store.id, name: "Curso" } });
    expect((await doneOf(seller)).product).toBe(false);
    await prisma.product.update({ where: { id: product.id }, data: { stripeProductId: "prod_gs_1" } });
    expect((await doneOf(seller)).product).toBe(true);
  });

  it("counts a PIX gateway only when the gateway accepted its credentials and it is turned on", async () => {
    const asPix = seller as unknown as PixSeller;
    // Rejected credentials: saved, never verified OK, so never active.
    await addGateway(asPix, "pushinpay", { active: false, credentials: { token: "wrong_token_value" } });
    expect((await doneOf(seller)).pix).toBe(false);
    await addGateway(asPix, "pushinpay", { active: false });
    expect((await doneOf(seller)).pix).toBe(false);
    await addGateway(asPix, "pushinpay", { label: "PushinPay ativo" });
    expect((await doneOf(seller)).pix).toBe(true);
  });

  it("counts an API key while it is not revoked", async () => {
    const key = await createApiKey(seller.store.id, seller.user.id, { name: "server" }, seller.audit);
    expect((await doneOf(seller)).apiKey).toBe(true);
    await revokeApiKey(seller.store.id, key.apiKey.id, seller.audit);
    expect((await doneOf(seller)).apiKey).toBe(false);
    await createApiKey(seller.store.id, seller.user.id, { name: "server 2" }, seller.audit);
    expect((await doneOf(seller)).apiKey).toBe(true);
  });

  it("counts a callback endpoint while it is enabled", async () => {
    const endpoint = await prisma.callbackEndpoint.create({
      data: {
        storeId: seller.store.id,
        url: "https://loja.example/payments/events/",
        enabled: false,
        secretEnc: "sealed",
        secretPrefix: "whsec_Ab",
      },
    });
    expect((await doneOf(seller)).callbacks).toBe(false);
    await prisma.callbackEndpoint.update({ where: { id: endpoint.id }, data: { enabled: true } });
    expect((await doneOf(seller)).callbacks).toBe(true);
  });

  it("counts the first payment once an order was paid (a pending one is not a payment), then is complete", async () => {
    const product = await prisma.product.findFirstOrThrow({ where: { storeId: seller.store.id } });
    const price = await prisma.price.create({
      data: { storeId: seller.store.id, productId: product.id, unitAmount: 4990, currency: "BRL", type: "ONE_TIME" },
    });
    const order = await prisma.order.create({
      data: {
        storeId: seller.store.id,
        priceId: price.id,
        channel: "CHECKOUT",
        amountTotal: 4990,
        currency: "BRL",
        stripeAccountId: "acct_gs_1",
      },
    });
    expect((await doneOf(seller)).firstPayment).toBe(false);
    expect((await getGettingStarted(seller.store)).complete).toBe(false);
    // Paid, then refunded: the store did receive a payment.
    await prisma.order.update({ where: { id: order.id }, data: { status: "REFUNDED" } });
    const checklist = await getGettingStarted(seller.store);
    expect(checklist).toMatchObject({ done: 7, total: 7, complete: true });
  });

  it("never counts another store's data", async () => {
    expect(await doneOf(other)).toEqual({
      store: true,
      connect: false,
      product: false,
      pix: false,
      apiKey: false,
      callbacks: false,
      firstPayment: false,
    });
  });

  it("has no PIX step for a store that sells in another currency (PIX settles only in reais)", async () => {
    const facts = {
      store: true,
      chargesEnabled: true,
      publishedProducts: 1,
      chargeablePixGateways: 0,
      activeApiKeys: 1,
      enabledCallbackEndpoints: 1,
      paidPayments: 1,
    };
    const usd = gettingStartedSteps(facts, { currency: "USD" });
    expect(usd.steps.map((s) => s.id)).not.toContain("pix");
    expect(usd).toMatchObject({ total: 6, complete: true });
    expect(gettingStartedSteps(facts, { currency: "BRL" })).toMatchObject({ total: 7, done: 6, complete: false });
  });
});
