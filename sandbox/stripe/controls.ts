/**
 * Typed helpers for the emulator's test controls (`/_emulator/*`). For tests and scripts only —
 * never call these from app code.
 *
 *   const controls = emulatorControls(emulator.url);
 *   await controls.advanceClock("31d");
 */
import type Stripe from "stripe";

export type DeliveryAttempt = { at: string; status: number | null; error?: string; durationMs: number };
export type Delivery = {
  id: string;
  event: string;
  type: string;
  account: string | null;
  endpoint: string;
  url: string;
  state: "pending" | "succeeded" | "failed" | "dropped" | "delayed";
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
};
export type CheckoutCompletion = {
  result:
    | { status: "complete" }
    | { status: "requires_action"; paymentIntent: string }
    | { status: "failed"; message: string };
  session: Stripe.Checkout.Session;
};

export class EmulatorControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Emulator control failed with HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

export function emulatorControls(baseUrl: string, secretKey = "sk_test_emulator") {
  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl.replace(/\/$/, "")}/_emulator${path}`, {
      method,
      headers: { Authorization: `Bearer ${secretKey}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new EmulatorControlError(res.status, json);
    return json as T;
  }
  return {
    reset: () => call<{ reset: true }>("POST", "/reset"),
    now: () => call<{ now: number; offset_seconds: number }>("GET", "/clock"),
    /** Seconds, or a duration such as "30d", "12h". Renewals, trial ends and retries run on the way. */
    advanceClock: (by: number | string) =>
      call<{ now: number; offset_seconds: number }>(
        "POST",
        "/clock/advance",
        typeof by === "number" ? { seconds: by } : { duration: by },
      ),
    openDispute: (charge: string, reason?: string) => call<Stripe.Dispute>("POST", "/disputes", { charge, reason }),
    /** Fails a pending or in-transit payout (as the bank would); its amount returns to the balance. */
    failPayout: (payout: string, failureCode = "account_closed") =>
      call<Stripe.Payout>("POST", `/payouts/${payout}/fail`, { failure_code: failureCode }),
    /** The buyer pays a boleto at the bank; Stripe settles it on the next clock day (or `now`). */
    payBoleto: (paymentIntent: string, settle: "next_day" | "now" = "next_day") =>
      call<Stripe.PaymentIntent>("POST", `/payment_intents/${paymentIntent}/pay_boleto`, { settle }),
    closeDispute: (dispute: string, status: "won" | "lost") =>
      call<Stripe.Dispute>("POST", `/disputes/${dispute}/close`, { status }),
    pauseWebhooks: (mode: "drop" | "delay", seconds?: number) =>
      call<{ paused: unknown }>("POST", "/webhooks/pause", { mode, seconds }),
    resumeWebhooks: () => call<{ paused: null }>("POST", "/webhooks/resume"),
    deliveries: async (filter: { event?: string; type?: string } = {}) => {
      const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();
      return (await call<{ data: Delivery[] }>("GET", `/deliveries${q ? `?${q}` : ""}`)).data;
    },
    resendEvent: async (event: string) => (await call<{ data: Delivery[] }>("POST", `/events/${event}/resend`)).data,
    /**
     * Pays a Checkout Session headlessly, as if the buyer used the hosted page. `card`: number or
     * pm_card_* id. `promotion_code`: a code typed into the page's promotion code field first
     * (needs `allow_promotion_codes: true`); a refused code gives `result.status: "failed"`.
     */
    completeCheckout: (
      session: string,
      opts: { card?: string; email?: string; name?: string; promotion_code?: string } = {},
    ) => call<CheckoutCompletion>("POST", `/checkout/sessions/${session}/complete`, opts),
    /** Resolves a pending 3-D Secure step of a PaymentIntent. */
    authenticate: (paymentIntent: string, result: "complete" | "fail" = "complete") =>
      call<{ payment_intent: Stripe.PaymentIntent }>("POST", `/payment_intents/${paymentIntent}/authenticate`, {
        result,
      }),
    /** Makes `card` the customer's (and their subscriptions') default, skipping the attach check — e.g. a declining card for renewal failures. */
    setDefaultCard: (customer: string, card: string) =>
      call<Stripe.PaymentMethod>("POST", `/customers/${customer}/default_card`, { card }),
  };
}

export type EmulatorControls = ReturnType<typeof emulatorControls>;
