// The Stripe side of the duplicates and crash drills: stores onboarded on the emulator with one or
// two callback endpoints, then paid orders (Elements), credit purchases (platform) and store
// subscriptions (Checkout, half of them canceled) made for real on the emulator. The emulator keeps
// every event it emitted; the drill sends those events itself, signed, and checks the outcome.
import type Stripe from "stripe";
import { PORTS, type Receiver, runConcurrent, SECRETS, shuffle } from "./harness";

type Em = { stripe: Stripe; emulator: { url: string } };
export type World = {
  stores: Array<{ id: string; priceId: string; recurringPriceId: string; endpoints: number }>;
  orderIds: string[];
  purchaseIds: string[];
  subscriptionOrderIds: string[];
  /** The subscription orders whose subscription the drill canceled on the emulator. */
  canceledSubscriptionOrderIds: string[];
  canceledSubscriptions: number;
};

const audit = {
  ip: "127.0.0.1",
  userAgent: "drill",
  requestId: "req_drill",
  actor: { type: "system" as const, id: "drill" },
};

export async function seedStores(count: number, receiver: Receiver): Promise<World> {
  const { signUp, SignUpInput } = await import("../../lib/auth/sign-up");
  const { createConnectedAccount, createAccountLink, refreshAccountStatus, CreateAccountInput } = await import(
    "../../lib/connect/accounts"
  );
  const { createProduct } = await import("../../lib/catalog/products");
  const { CreateProductInput } = await import("../../lib/catalog/schemas");
  const { createEndpoint } = await import("../../lib/callbacks/endpoints");
  const { ensureDefaultPackages } = await import("../../lib/credits/packages");
  await ensureDefaultPackages();
  const world: World = {
    stores: [],
    orderIds: [],
    purchaseIds: [],
    subscriptionOrderIds: [],
    canceledSubscriptionOrderIds: [],
    canceledSubscriptions: 0,
  };
  for (let i = 0; i < count; i++) {
    const { user, store } = await signUp(
      SignUpInput.parse({
        name: "Drill Seller",
        email: `drill-${i}-${Date.now()}@example.com`,
        password: "correct-horse-9",
        storeName: `Drill store ${i}`,
      }),
      audit,
    );
    const seller = { ...audit, actor: { type: "user" as const, id: user.id } };
    await createConnectedAccount({ ...store, storeDomain: null }, CreateAccountInput.parse({}), seller);
    const link = (await createAccountLink(store.id, "account_onboarding", "http://127.0.0.1")).url;
    await fetch(link, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ action: "complete", business_name: "Drill", first_name: "Ana", last_name: "Drill" }),
      redirect: "manual",
    });
    await refreshAccountStatus(store.id, seller);
    const product = await createProduct(
      store.id,
      CreateProductInput.parse({
        name: "Drill item",
        prices: [
          { unitAmount: 2500, currency: "BRL" },
          { unitAmount: 990, currency: "BRL", type: "recurring", interval: "month" },
        ],
      }),
      seller,
    );
    // Every third store has two endpoints: each callback must reach each endpoint once.
    const endpoints = i % 3 === 0 ? 2 : 1;
    for (let e = 0; e < endpoints; e++)
      await createEndpoint({ id: store.id, storeDomain: null }, { url: `${receiver.url}/s${i}e${e}/` }, seller);
    world.stores.push({
      id: store.id,
      priceId: product.prices[0]!.id,
      recurringPriceId: product.prices.find((p) => p.type === "RECURRING")!.id,
      endpoints,
    });
  }
  return world;
}

/** One round: `orders` paid orders, `credits` credit purchases and `subs` subscriptions, spread over the stores. */
export async function seedRound(
  em: Em,
  world: World,
  round: number,
  n: { orders: number; credits: number; subs: number },
) {
  const { createPaymentIntent } = await import("../../lib/checkout/create-payment-intent");
  const { BuyerInput } = await import("../../lib/checkout/sellable");
  const { createCheckoutSession, CreateCheckoutSessionInput } = await import(
    "../../lib/checkout/create-checkout-session"
  );
  const { createPurchase } = await import("../../lib/credits/purchases");
  const { prisma } = await import("../../lib/db/client");
  const { emulatorControls } = await import("../../sandbox/stripe/controls");
  const controls = emulatorControls(em.emulator.url);
  const store = (k: number) => world.stores[(round * 7 + k) % world.stores.length]!;
  await runConcurrent(n.orders, 6, async (k) => {
    const s = store(k);
    const pi = await createPaymentIntent(s.id, BuyerInput.parse({ priceId: s.priceId, orderId: `r${round}-o${k}` }), {
      audit,
    });
    await em.stripe.paymentIntents.confirm(
      pi.paymentIntentId,
      { payment_method: "pm_card_visa" },
      { stripeAccount: pi.stripeAccount },
    );
    world.orderIds.push(pi.orderId);
  });
  const basic = await prisma.creditPackage.findUniqueOrThrow({
    where: { slug_currency: { slug: "basic", currency: "BRL" } },
  });
  await runConcurrent(n.credits, 4, async (k) => {
    const s = store(k);
    const summary = await prisma.store.findUniqueOrThrow({ where: { id: s.id } });
    const created = await createPurchase({ ...summary, currency: "BRL" }, { packageId: basic.id }, { audit });
    await em.stripe.paymentIntents.confirm(created.purchase.paymentIntentId!, { payment_method: "pm_card_visa" });
    world.purchaseIds.push(created.purchase.id);
  });
  await runConcurrent(n.subs, 3, async (k) => {
    const s = store(k);
    const session = await createCheckoutSession(
      s.id,
      CreateCheckoutSessionInput.parse({ priceId: s.recurringPriceId, orderId: `r${round}-sub${k}` }),
      { appUrl: "http://127.0.0.1", audit },
    );
    await controls.completeCheckout(session.sessionId, { card: "4242424242424242" });
    world.subscriptionOrderIds.push(session.order.id);
    if (k % 2 === 0) {
      const stripeAccount = (await prisma.order.findUniqueOrThrow({ where: { id: session.order.id } }))
        .stripeAccountId!;
      const cs = await em.stripe.checkout.sessions.retrieve(session.sessionId, undefined, { stripeAccount });
      const subId = typeof cs.subscription === "string" ? cs.subscription : cs.subscription!.id;
      await em.stripe.subscriptions.cancel(subId, undefined, { stripeAccount });
      world.canceledSubscriptionOrderIds.push(session.order.id);
      world.canceledSubscriptions++;
    }
  });
}

/** Every event the emulator emitted, platform and each connected account, oldest first. */
export async function emittedEvents(em: Em): Promise<Stripe.Event[]> {
  const { prisma } = await import("../../lib/db/client");
  const accounts = (await prisma.stripeAccount.findMany({ select: { accountId: true } })).map((a) => a.accountId);
  const out: Stripe.Event[] = [];
  for (const account of [undefined, ...accounts])
    for await (const e of em.stripe.events.list({ limit: 100 }, account ? { stripeAccount: account } : undefined))
      out.push(e);
  return out;
}

/** Each event once plus `duplicateShare` repeats, shuffled. */
export function withDuplicates(events: Stripe.Event[], duplicateShare: number): Stripe.Event[] {
  const total = Math.round(events.length / (1 - duplicateShare));
  const list = [...events];
  for (let i = events.length; i < total; i++) list.push(events[Math.floor(Math.random() * events.length)]!);
  return shuffle(list);
}

export type SendStats = { sent: number; retried: number; undelivered: number; statuses: Map<string, number> };

/**
 * Posts each event, signed as Stripe signs it, to the instances in turn (`concurrency` at once). A
 * 5xx or 429 is retried after a pause as Stripe would; a refused connection is retried only when
 * `retryRefused` (the crash drill lets those go: Stripe's next retry is hours away, the sync is not).
 */
export async function sendEvents(
  stripe: Stripe,
  urls: () => string[],
  events: Stripe.Event[],
  opts: { concurrency: number; retryRefused: boolean; onSent?: (n: number) => void },
): Promise<SendStats> {
  const stats: SendStats = { sent: 0, retried: 0, undelivered: 0, statuses: new Map() };
  let turn = 0;
  await runConcurrent(events.length, opts.concurrency, async (i) => {
    const event = events[i]!;
    const payload = JSON.stringify(event);
    const path = event.account ? "/api/webhooks/stripe/connect" : "/api/webhooks/stripe";
    const secret = event.account ? SECRETS.connect : SECRETS.platform;
    for (let attempt = 0; attempt < 6; attempt++) {
      const targets = urls();
      const url = targets[turn++ % targets.length]!;
      const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
      const res = await fetch(`${url}${path}`, {
        method: "POST",
        body: payload,
        headers: { "content-type": "application/json", "stripe-signature": header },
      }).catch(() => null);
      // A connection cut mid-answer (the instance was killed) counts as refused.
      const answered = res
        ? await res.arrayBuffer().then(
            () => res,
            () => null,
          )
        : null;
      const key = answered ? String(answered.status) : "refused";
      stats.statuses.set(key, (stats.statuses.get(key) ?? 0) + 1);
      if (answered?.status === 200) break;
      if (!answered && !opts.retryRefused) {
        stats.undelivered++;
        break;
      }
      if (attempt === 5) {
        stats.undelivered++;
        break;
      }
      stats.retried++;
      await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
    }
    stats.sent++;
    opts.onSent?.(stats.sent);
  });
  return stats;
}

export { PORTS };
