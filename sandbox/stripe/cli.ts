/**
 * Vitrine Stripe emulator CLI.
 *
 *   tsx sandbox/stripe/cli.ts serve                      start the emulator (env below)
 *   tsx sandbox/stripe/cli.ts reset                      wipe all state
 *   tsx sandbox/stripe/cli.ts clock advance 30d          move emulator time (renewals, trials, retries)
 *   tsx sandbox/stripe/cli.ts trigger <event-type>       create objects that emit that event
 *   tsx sandbox/stripe/cli.ts listen --forward-to <url>  forward new events, signed, like `stripe listen`
 *   tsx sandbox/stripe/cli.ts deliveries                 recent webhook deliveries
 *   tsx sandbox/stripe/cli.ts webhooks pause drop|delay [seconds] | webhooks resume
 *
 * Env (serve): STRIPE_EMULATOR_PORT (12111), STRIPE_EMULATOR_HOST, STRIPE_EMULATOR_SNAPSHOT,
 * STRIPE_EMULATOR_PUBLIC_URL, STRIPE_EMULATOR_WEBHOOK_URL + STRIPE_WEBHOOK_SECRET,
 * STRIPE_EMULATOR_CONNECT_WEBHOOK_URL + STRIPE_CONNECT_WEBHOOK_SECRET.
 * Other commands talk to STRIPE_EMULATOR_URL (default http://127.0.0.1:<port>).
 */
import Stripe from "stripe";
import { emulatorControls } from "./controls";
import { DEFAULT_PORT, startEmulator, type WebhookConfig } from "./index";
import { webhookSecret } from "./src/ids";
import { signPayload } from "./src/webhooks";

const env = process.env;
const port = Number(env.STRIPE_EMULATOR_PORT ?? DEFAULT_PORT);
const baseUrl = (env.STRIPE_EMULATOR_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, "");
const secretKey = env.STRIPE_EMULATOR_SECRET_KEY ?? "sk_test_emulator";

function sdk(): Stripe {
  const u = new URL(baseUrl);
  return new Stripe(secretKey, {
    host: u.hostname,
    port: Number(u.port || 80),
    protocol: "http",
    maxNetworkRetries: 0,
  });
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The first secret when the variable holds a comma-separated rotation list. */
function firstSecret(value: string | undefined): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}

function webhooksFromEnv(): WebhookConfig[] {
  const hooks: WebhookConfig[] = [];
  const platformSecret = firstSecret(env.STRIPE_WEBHOOK_SECRET);
  const connectSecret = firstSecret(env.STRIPE_CONNECT_WEBHOOK_SECRET);
  if (env.STRIPE_EMULATOR_WEBHOOK_URL) {
    if (!platformSecret) throw new Error("STRIPE_EMULATOR_WEBHOOK_URL is set but STRIPE_WEBHOOK_SECRET is not.");
    hooks.push({ url: env.STRIPE_EMULATOR_WEBHOOK_URL, secret: platformSecret, connect: false });
  }
  if (env.STRIPE_EMULATOR_CONNECT_WEBHOOK_URL) {
    if (!connectSecret)
      throw new Error("STRIPE_EMULATOR_CONNECT_WEBHOOK_URL is set but STRIPE_CONNECT_WEBHOOK_SECRET is not.");
    hooks.push({ url: env.STRIPE_EMULATOR_CONNECT_WEBHOOK_URL, secret: connectSecret, connect: true });
  }
  return hooks;
}

async function serve(): Promise<void> {
  const webhooks = webhooksFromEnv();
  const emulator = await startEmulator({
    port,
    host: env.STRIPE_EMULATOR_HOST ?? "127.0.0.1",
    snapshotFile: env.STRIPE_EMULATOR_SNAPSHOT || undefined,
    publicUrl: env.STRIPE_EMULATOR_PUBLIC_URL || undefined,
    webhooks,
  });
  for (const w of webhooks) console.log(`[stripe-emulator] ${w.connect ? "Connect" : "platform"} webhooks -> ${w.url}`);
  console.log(`[stripe-emulator] Stripe.js stand-in: <script src="${emulator.url}/stripe.js"></script>`);
  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

type Trigger = (stripe: Stripe, opts: Stripe.RequestOptions) => Promise<string>;

async function recurringPrice(stripe: Stripe, opts: Stripe.RequestOptions): Promise<Stripe.Price> {
  return stripe.prices.create(
    { currency: "usd", unit_amount: 2000, recurring: { interval: "month" }, product_data: { name: "Triggered plan" } },
    opts,
  );
}

async function customerWithCard(stripe: Stripe, opts: Stripe.RequestOptions): Promise<Stripe.Customer> {
  const customer = await stripe.customers.create(
    { email: "trigger@example.com", name: "Trigger Customer", payment_method: "pm_card_visa" },
    opts,
  );
  const pm = (await stripe.customers.listPaymentMethods(customer.id, undefined, opts)).data[0];
  return stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } }, opts);
}

const TRIGGERS: Record<string, Trigger> = {
  "payment_intent.succeeded": async (s, o) =>
    (await s.paymentIntents.create({ amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true }, o))
      .id,
  "payment_intent.payment_failed": async (s, o) => {
    const err = await s.paymentIntents
      .create({ amount: 2000, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true }, o)
      .catch((e: Stripe.errors.StripeError) => e);
    return err instanceof Stripe.errors.StripeError ? (err.payment_intent?.id ?? "declined") : err.id;
  },
  "payment_intent.requires_action": async (s, o) =>
    (
      await s.paymentIntents.create(
        { amount: 2000, currency: "usd", payment_method: "pm_card_authenticationRequiredOnSetup", confirm: true },
        o,
      )
    ).id,
  "payment_intent.canceled": async (s, o) =>
    (
      await s.paymentIntents.cancel(
        (
          await s.paymentIntents.create({ amount: 2000, currency: "usd" }, o)
        ).id,
        undefined,
        o,
      )
    ).id,
  "charge.refunded": async (s, o) => {
    const pi = await s.paymentIntents.create(
      { amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true },
      o,
    );
    return (await s.refunds.create({ payment_intent: pi.id }, o)).id;
  },
  "charge.dispute.created": async (s, o) =>
    (
      await s.paymentIntents.create(
        { amount: 2000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true },
        o,
      )
    ).id,
  "checkout.session.completed": async (s, o) => {
    const price = await s.prices.create(
      { currency: "usd", unit_amount: 2000, product_data: { name: "Triggered product" } },
      o,
    );
    const session = await s.checkout.sessions.create(
      { mode: "payment", line_items: [{ price: price.id, quantity: 1 }], success_url: "http://127.0.0.1/success" },
      o,
    );
    await emulatorControls(baseUrl, secretKey).completeCheckout(session.id, { card: "4242424242424242" });
    return session.id;
  },
  "checkout.session.expired": async (s, o) => {
    const price = await s.prices.create(
      { currency: "usd", unit_amount: 2000, product_data: { name: "Triggered product" } },
      o,
    );
    const session = await s.checkout.sessions.create(
      { mode: "payment", line_items: [{ price: price.id, quantity: 1 }], success_url: "http://127.0.0.1/success" },
      o,
    );
    return (await s.checkout.sessions.expire(session.id, undefined, o)).id;
  },
  "customer.created": async (s, o) => (await s.customers.create({ email: "trigger@example.com" }, o)).id,
  "customer.subscription.created": async (s, o) => {
    const customer = await customerWithCard(s, o);
    return (
      await s.subscriptions.create({ customer: customer.id, items: [{ price: (await recurringPrice(s, o)).id }] }, o)
    ).id;
  },
  "customer.subscription.deleted": async (s, o) => {
    const customer = await customerWithCard(s, o);
    const sub = await s.subscriptions.create(
      { customer: customer.id, items: [{ price: (await recurringPrice(s, o)).id }] },
      o,
    );
    return (await s.subscriptions.cancel(sub.id, undefined, o)).id;
  },
  "invoice.paid": async (s, o) => TRIGGERS["customer.subscription.created"](s, o),
  "product.created": async (s, o) => (await s.products.create({ name: "Triggered product" }, o)).id,
  "price.created": async (s, o) =>
    (await s.prices.create({ currency: "usd", unit_amount: 500, product_data: { name: "Triggered product" } }, o)).id,
  "account.updated": async (s) => {
    const acct = await s.accounts.create({ type: "express" });
    return (await s.accounts.update(acct.id, { metadata: { triggered: "true" } })).id;
  },
  "setup_intent.succeeded": async (s, o) => {
    const customer = await s.customers.create({ email: "trigger@example.com" }, o);
    return (await s.setupIntents.create({ customer: customer.id, payment_method: "pm_card_visa", confirm: true }, o))
      .id;
  },
};

async function listen(args: string[]): Promise<void> {
  const forwardTo = flag(args, "--forward-to");
  if (!forwardTo) throw new Error("Usage: listen --forward-to <url> [--connect-forward-to <url>]");
  const connectTo = flag(args, "--connect-forward-to");
  const secret = env.STRIPE_WEBHOOK_SECRET ? firstSecret(env.STRIPE_WEBHOOK_SECRET)! : webhookSecret();
  const stripe = sdk();
  console.log(`> Ready! Your webhook signing secret is ${secret} (^C to quit)`);
  const last = new Map<string, string | undefined>();
  const seed = async (account?: string) =>
    last.set(
      account ?? "",
      (await stripe.events.list({ limit: 1 }, account ? { stripeAccount: account } : undefined)).data[0]?.id,
    );
  await seed();
  for (;;) {
    const scopes: Array<string | undefined> = [undefined];
    if (connectTo) {
      for await (const a of stripe.accounts.list({ limit: 100 })) {
        if (!last.has(a.id)) await seed(a.id);
        scopes.push(a.id);
      }
    }
    for (const account of scopes) {
      const opts = account ? { stripeAccount: account } : undefined;
      const since = last.get(account ?? "");
      const page = await stripe.events.list(since ? { limit: 100, ending_before: since } : { limit: 100 }, opts);
      for (const event of [...page.data].reverse()) {
        const target = account ? connectTo! : forwardTo;
        const payload = JSON.stringify(event, null, 2);
        console.log(`${new Date().toISOString()}   --> ${event.type} [${event.id}]${account ? ` (${account})` : ""}`);
        const res = await fetch(target, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Stripe-Signature": signPayload(payload, secret) },
          body: payload,
        }).catch((e: Error) => e);
        console.log(
          `${new Date().toISOString()}  <--  [${res instanceof Error ? `ERR ${res.message}` : res.status}] POST ${target} [${event.id}]`,
        );
        last.set(account ?? "", event.id);
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const controls = emulatorControls(baseUrl, secretKey);
  switch (command) {
    case "serve":
      return serve();
    case "reset":
      await controls.reset();
      return console.log("Emulator state reset.");
    case "clock": {
      if (args[0] !== "advance" || !args[1]) throw new Error("Usage: clock advance <duration e.g. 30d, 12h, 3600>");
      const r = await controls.advanceClock(/^\d+$/.test(args[1]) ? Number(args[1]) : args[1]);
      return console.log(
        `Emulator clock is now ${new Date(r.now * 1000).toISOString()} (offset ${r.offset_seconds}s).`,
      );
    }
    case "trigger": {
      const type = args[0];
      const run = type ? TRIGGERS[type] : undefined;
      if (!run) throw new Error(`Usage: trigger <event-type>. Supported: ${Object.keys(TRIGGERS).join(", ")}`);
      const account = flag(args, "--stripe-account");
      const id = await run(sdk(), account ? { stripeAccount: account } : {});
      return console.log(`Triggered ${type} (${id}).`);
    }
    case "listen":
      return listen(args);
    case "deliveries":
      for (const d of (await controls.deliveries()).slice(0, Number(flag(args, "--limit") ?? 20))) {
        console.log(
          `${d.state.padEnd(9)} ${d.type.padEnd(36)} ${d.event}  ${d.url}  attempts=${d.attempts.map((a) => a.status ?? "ERR").join(",") || "-"}`,
        );
      }
      return;
    case "webhooks":
      if (args[0] === "pause" && (args[1] === "drop" || args[1] === "delay")) {
        await controls.pauseWebhooks(args[1], args[2] ? Number(args[2]) : undefined);
        return console.log(`Webhook deliveries paused (${args[1]}${args[2] ? ` for ${args[2]}s` : ""}).`);
      }
      if (args[0] === "resume") {
        await controls.resumeWebhooks();
        return console.log("Webhook deliveries resumed.");
      }
      throw new Error("Usage: webhooks pause drop|delay [seconds] | webhooks resume");
    default:
      console.log(
        "Usage: tsx sandbox/stripe/cli.ts serve | reset | clock advance <d> | trigger <event> | listen --forward-to <url> | deliveries | webhooks pause|resume",
      );
      process.exitCode = command ? 1 : 0;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`[stripe-emulator] ${(err as Error).message ?? err}`);
  process.exit(1);
});
