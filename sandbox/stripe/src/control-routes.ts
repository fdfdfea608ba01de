/**
 * Test controls, emulator-only: `/_emulator/*`, JSON in and out, secret key required.
 * They drive what Stripe's Dashboard, test clocks and real cardholders would do.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorApp } from "./app";
import { checkKey } from "./api";
import { TEST_PAYMENT_METHODS } from "./cards";
import { parseDuration } from "./clock";
import { systemCtx } from "./context";
import { completeCheckout } from "./domain/checkout";
import { applyPromotionCode } from "./domain/checkout-discounts";
import { closeDispute, openDispute } from "./domain/disputes";
import { createCardPaymentMethod } from "./domain/payment-methods";
import { finishAuthentication } from "./domain/payments";
import { payBoleto, processBoletos } from "./domain/boleto";
import { processTime } from "./domain/renewals";
import { failPayout, processBalance } from "./domain/payouts";
import { StripeApiError, invalidRequest, noSuch } from "./errors";
import { render } from "./expand";
import { apiKeyOf, sendJson } from "./http";

type Body = Record<string, unknown>;
type Handler = (app: EmulatorApp, body: Body, params: string[], url: URL) => unknown;

function cardOf(value: unknown) {
  const raw = typeof value === "string" && value ? value : "4242424242424242";
  const number = TEST_PAYMENT_METHODS[raw] ?? raw.replace(/\s+/g, "");
  const year = new Date().getUTCFullYear() + 3;
  return { number, exp_month: 12, exp_year: year, cvc: "123" };
}

const routes: Array<[string, RegExp, Handler]> = [
  ["POST", /^\/_emulator\/reset$/, (app) => (app.reset(), { reset: true })],
  ["GET", /^\/_emulator\/clock$/, (app) => ({ now: app.clock.now(), offset_seconds: app.clock.offsetSeconds })],
  [
    "POST",
    /^\/_emulator\/clock\/advance$/,
    (app, body) => {
      const seconds =
        typeof body.seconds === "number"
          ? body.seconds
          : typeof body.duration === "string"
            ? parseDuration(body.duration)
            : NaN;
      if (!Number.isFinite(seconds) || seconds <= 0)
        throw invalidRequest('Pass a positive `seconds` number (or `duration` like "30d").', { param: "seconds" });
      // Step a day at a time so trial reminders, renewals and retries happen in order.
      for (let left = seconds; left > 0; left -= 86400) {
        const from = app.clock.now();
        app.clock.advance(Math.min(86400, left));
        processTime(app);
        processBoletos(app);
        processBalance(app, from, app.clock.now());
      }
      return { now: app.clock.now(), offset_seconds: app.clock.offsetSeconds };
    },
  ],
  [
    "POST",
    /^\/_emulator\/disputes$/,
    (app, body) => {
      const charge = app.store.find("charge", String(body.charge ?? ""));
      if (!charge) throw noSuch("charge", String(body.charge ?? ""), "charge");
      return openDispute(
        systemCtx(app, charge.scope),
        charge,
        typeof body.reason === "string" ? body.reason : "fraudulent",
      ).obj;
    },
  ],
  [
    "POST",
    /^\/_emulator\/disputes\/([^/]+)\/close$/,
    (app, body, [id]) => {
      const d = app.store.find("dispute", id);
      if (!d) throw noSuch("dispute", id);
      if (body.status !== "won" && body.status !== "lost")
        throw invalidRequest("status must be 'won' or 'lost'.", { param: "status" });
      closeDispute(systemCtx(app, d.scope), d, body.status);
      return d.obj;
    },
  ],
  [
    "POST",
    /^\/_emulator\/payouts\/([^/]+)\/fail$/,
    (app, body, [id]) => {
      const payout = app.store.find("payout", id);
      if (!payout) throw noSuch("payout", id);
      const code = typeof body.failure_code === "string" ? body.failure_code : "account_closed";
      return failPayout(systemCtx(app, payout.scope), payout, code);
    },
  ],
  [
    "POST",
    /^\/_emulator\/webhooks\/pause$/,
    (app, body) => {
      if (body.mode !== "drop" && body.mode !== "delay")
        throw invalidRequest("mode must be 'drop' or 'delay'.", { param: "mode" });
      app.webhooks.setPause(body.mode, typeof body.seconds === "number" ? body.seconds : undefined);
      return { paused: app.webhooks.pauseState() };
    },
  ],
  ["POST", /^\/_emulator\/webhooks\/resume$/, (app) => (app.webhooks.resume(), { paused: null })],
  [
    "GET",
    /^\/_emulator\/deliveries$/,
    (app, _b, _p, url) => {
      const event = url.searchParams.get("event");
      const type = url.searchParams.get("type");
      const data = app.webhooks.deliveries.filter((d) => (!event || d.event === event) && (!type || d.type === type));
      return { object: "list", data: [...data].reverse(), paused: app.webhooks.pauseState() };
    },
  ],
  [
    "POST",
    /^\/_emulator\/events\/([^/]+)\/resend$/,
    (app, _b, [id]) => {
      const ev = app.store.find("event", id);
      if (!ev) throw noSuch("event", id);
      return { object: "list", data: app.webhooks.resend(ev.obj) };
    },
  ],
  [
    "POST",
    /^\/_emulator\/checkout\/sessions\/([^/]+)\/complete$/,
    (app, body, [id]) => {
      const session = app.store.find("checkout_session", id);
      if (!session) throw noSuch("checkout.session", id);
      const ctx = systemCtx(app, session.scope);
      const email = typeof body.email === "string" ? body.email : (session.obj.customer_email ?? "buyer@example.com");
      if (typeof body.promotion_code === "string") {
        // The buyer types a code into the hosted page's promotion code field first.
        const applied = applyPromotionCode(ctx, session, body.promotion_code);
        if (!applied.ok)
          return {
            result: { status: "failed", message: applied.message },
            session: render(app, session.scope, session.obj),
          };
      }
      const result = completeCheckout(ctx, session, cardOf(body.card), {
        email,
        name: typeof body.name === "string" ? body.name : "Test Buyer",
      });
      return { result, session: render(app, session.scope, session.obj) };
    },
  ],
  [
    "POST",
    /^\/_emulator\/payment_intents\/([^/]+)\/authenticate$/,
    (app, body, [id]) => {
      const pi = app.store.find("payment_intent", id);
      if (!pi) throw noSuch("payment_intent", id);
      const result = finishAuthentication(systemCtx(app, pi.scope), pi, body.result !== "fail");
      return { result, payment_intent: render(app, pi.scope, pi.obj) };
    },
  ],
  [
    "POST",
    /^\/_emulator\/payment_intents\/([^/]+)\/pay_boleto$/,
    (app, body, [id]) => {
      const pi = app.store.find("payment_intent", id);
      if (!pi) throw noSuch("payment_intent", id);
      payBoleto(app, pi, body.settle === "now" ? "now" : "next_day");
      return render(app, pi.scope, pi.obj);
    },
  ],
  [
    "POST",
    /^\/_emulator\/customers\/([^/]+)\/default_card$/,
    (app, body, [id]) => {
      const customer = app.store.find("customer", id);
      if (!customer) throw noSuch("customer", id);
      const ctx = systemCtx(app, customer.scope);
      const pm = createCardPaymentMethod(ctx, cardOf(body.card));
      // Deliberately skips the attach-time check so that a declining card can sit as the default.
      pm.obj.customer = customer.id;
      customer.obj.invoice_settings.default_payment_method = pm.id;
      for (const sub of app.store.list("subscription", customer.scope, (s) => s.obj.customer === customer.id))
        sub.obj.default_payment_method = pm.id;
      return pm.obj;
    },
  ],
];

export async function handleControl(
  app: EmulatorApp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  bodyText: string,
): Promise<void> {
  try {
    if (checkKey(apiKeyOf(req)) !== "secret") throw invalidRequest("Emulator controls need a secret key.", {}, 401);
    const method = req.method ?? "GET";
    for (const [m, re, handler] of routes) {
      const match = re.exec(url.pathname);
      if (!match || m !== method) continue;
      const body = bodyText ? (JSON.parse(bodyText) as Body) : {};
      const result = handler(app, body, match.slice(1).map(decodeURIComponent), url);
      app.persistSoon();
      return sendJson(res, 200, result);
    }
    app.config.log(`[stripe-emulator] UNKNOWN ROUTE ${method} ${url.pathname} (emulator control)`);
    throw invalidRequest(`Unknown emulator control: ${method} ${url.pathname}`, {}, 404);
  } catch (err) {
    if (err instanceof StripeApiError) return sendJson(res, err.status, err.toJSON());
    if (err instanceof SyntaxError)
      return sendJson(res, 400, {
        error: { type: "invalid_request_error", message: `Invalid JSON body: ${err.message}` },
      });
    app.config.log(`[stripe-emulator] control error: ${(err as Error).stack}`);
    return sendJson(res, 500, { error: { type: "api_error", message: (err as Error).message } });
  }
}
