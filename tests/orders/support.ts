// A store that sells by card on the emulator, with Connect webhooks delivered into the real route,
// a store callback receiver on 127.0.0.1, a store API key, and helpers for the refund and renewal
// tests: paid orders, calls to the refund route, and the callbacks the store received.
import { afterAll, beforeAll } from "vitest";
import { NextRequest } from "next/server";
import { Webhook } from "standardwebhooks";
import { ctx as reqCtx } from "../support/db";
import { useStripeEmulator, type TestStripe } from "../support/stripe";
import { sellingSeller } from "../support/seller";
import { startForwarder, waitFor } from "../webhooks/support";
import { startReceiver } from "../callbacks/support";
import { createApiKey } from "@/lib/auth/api-keys";
import { createEndpoint } from "@/lib/callbacks/endpoints";
import { deliverDue } from "@/lib/callbacks/deliver";
import { createPaymentIntent } from "@/lib/checkout/create-payment-intent";
import { BuyerInput } from "@/lib/checkout/sellable";
import { prisma } from "@/lib/db/client";
import { GET as refundsGet, POST as refundsPost } from "@/app/api/v1/orders/[id]/refunds/route";

export const CONNECT_SECRET = "whsec_orders_connect";
export const system = { ...reqCtx, actor: { type: "system" as const, id: "test" } };
export { waitFor };

export type StoreCallback = { id: string; type: string; data: Record<string, unknown> };

/** Emulator + Connect webhooks into the app + a callback receiver, for one describe block. */
export function useCardStore() {
  let forwarder: Awaited<ReturnType<typeof startForwarder>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    forwarder = await startForwarder();
    receiver = await startReceiver();
    process.env.STRIPE_CONNECT_WEBHOOK_SECRET = CONNECT_SECRET;
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_orders_platform";
    process.env.RATE_LIMIT_WEBHOOK = "100000/minute";
    process.env.RATE_LIMIT_API_KEY = "100000/minute";
    process.env.CALLBACK_ALLOWED_HOSTS = "127.0.0.1,localhost";
  });
  afterAll(async () => {
    await forwarder.close();
    await receiver.close();
  });
  const stripe = useStripeEmulator({
    webhooks: () => [{ url: `${forwarder.url}/api/webhooks/stripe/connect`, secret: CONNECT_SECRET, connect: true }],
  });

  /** An onboarded seller with an API key and a callback endpoint pointing at the receiver. */
  async function store(tag: string, opts: Omit<NonNullable<Parameters<typeof sellingSeller>[1]>, "tag"> = {}) {
    const seller = await sellingSeller(stripe(), { tag, storeName: `Loja ${tag}`, ...opts });
    const apiKey = (await createApiKey(seller.store.id, seller.user.id, { name: tag }, seller.audit)).secret;
    const { secret } = await createEndpoint(seller.store, { url: receiver.url }, seller.audit);
    const accountId = (await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: seller.store.id } })).accountId;
    return { ...seller, apiKey, callbackSecret: secret, accountId };
  }

  /** The callbacks this store received (verified with its signing secret), after delivering what is due. */
  async function callbacks(s: { store: { id: string }; callbackSecret: string }): Promise<StoreCallback[]> {
    for (let i = 0; i < 3; i++) await deliverDue({ limit: 200 });
    const hook = new Webhook(s.callbackSecret);
    return receiver.received
      .map((r) => {
        try {
          return hook.verify(r.body, r.headers as Record<string, string>) as StoreCallback;
        } catch {
          return null; // another store's callback, signed with its own secret
        }
      })
      .filter((e): e is StoreCallback => e !== null && e.data.storeId === s.store.id);
  }

  return { stripe, store, callbacks, forwarder: () => forwarder };
}

/** A paid Elements order of the store's first price (R$ 100,00 unless the store was made otherwise). */
export async function paidOrder(stripe: TestStripe, s: { store: { id: string }; priceId: string }, orderId: string) {
  const pay = await createPaymentIntent(s.store.id, BuyerInput.parse({ priceId: s.priceId, orderId }), {
    audit: system,
  });
  await stripe.stripe.paymentIntents.confirm(
    pay.paymentIntentId,
    { payment_method: "pm_card_visa" },
    { stripeAccount: pay.stripeAccount },
  );
  return waitFor(async () => {
    const o = await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } });
    return o.status === "PAID" && o;
  });
}

type Caller = { apiKey?: string; cookie?: string; headers?: Record<string, string> };

/** POST /api/v1/orders/:id/refunds through the real route; JSON body unless `raw`. */
export async function postRefund(
  who: Caller,
  orderId: string,
  body: unknown,
  key: string | null,
  opts: { raw?: string } = {},
) {
  const headers: Record<string, string> = {
    "x-forwarded-for": "198.51.100.40",
    "content-type": "application/json",
    ...(who.apiKey ? { authorization: `Bearer ${who.apiKey}` } : {}),
    ...(who.cookie ? { cookie: who.cookie, origin: "http://localhost:3000" } : {}),
    ...(key ? { "idempotency-key": key } : {}),
    ...who.headers,
  };
  const res = await refundsPost(
    new NextRequest(new URL(`/api/v1/orders/${orderId}/refunds`, "http://localhost:3000"), {
      method: "POST",
      headers,
      body: opts.raw ?? JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: orderId }) },
  );
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

export async function getRefunds(who: Caller, orderId: string) {
  const res = await refundsGet(
    new NextRequest(new URL(`/api/v1/orders/${orderId}/refunds`, "http://localhost:3000"), {
      headers: {
        "x-forwarded-for": "198.51.100.40",
        ...(who.apiKey ? { authorization: `Bearer ${who.apiKey}` } : {}),
      },
    }),
    { params: Promise.resolve({ id: orderId }) },
  );
  return { status: res.status, json: (await res.json()) as any };
}

/** The application fee Stripe holds for the order's charge, and how much of it was given back. */
export async function applicationFeeOf(stripe: TestStripe, paymentIntentId: string, accountId: string) {
  const pi = await stripe.stripe.paymentIntents.retrieve(paymentIntentId, undefined, { stripeAccount: accountId });
  const charge = typeof pi.latest_charge === "string" ? pi.latest_charge : pi.latest_charge!.id;
  const [fee] = (await stripe.stripe.applicationFees.list({ charge, limit: 1 })).data;
  return fee ? { amount: fee.amount, refunded: fee.amount_refunded } : null;
}
