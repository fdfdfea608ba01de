// Where a buyer lands after paying (or after going back): a store setting, Vitrine's receipt page
// unless the seller explicitly chose to send buyers to their own site. Pure and free of secrets, so
// buyer pages (Checkout, Elements, PIX) and the settings form share one reading of it.
import { z } from "zod";

export const AFTER_PAYMENT_MODES = ["receipt", "redirect"] as const;
export type AfterPaymentMode = (typeof AFTER_PAYMENT_MODES)[number];

export type AfterPaymentSetting = {
  afterPayment: string;
  afterPaymentSuccessUrl: string | null;
  afterPaymentCancelUrl: string | null;
};

/** The store's redirect URLs when it chose "redirect" and both are set; otherwise null (receipt). */
export function storeRedirect(store: AfterPaymentSetting): { success: string; cancel: string } | null {
  if (store.afterPayment !== "redirect" || !store.afterPaymentSuccessUrl || !store.afterPaymentCancelUrl) return null;
  return { success: store.afterPaymentSuccessUrl, cancel: store.afterPaymentCancelUrl };
}

/**
 * Appends query parameters to a URL the seller configured, keeping its own query. Values are
 * encoded; `raw` is appended as is (Stripe's `{CHECKOUT_SESSION_ID}` template must stay literal).
 */
export function withQuery(base: string, params: Record<string, string>, raw?: string): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const s = url.toString();
  return raw ? `${s}${url.search ? "&" : "?"}${raw}` : s;
}

/** Vitrine's own receipt page for an order. */
export function receiptPath(orderId: string): string {
  return `/receipt/${encodeURIComponent(orderId)}`;
}

/**
 * Hosted Checkout's success and cancel URLs for an order. With "redirect" the seller's URLs get
 * `orderId` (their own reference when they sent one) and Stripe's `session_id`.
 */
export function checkoutUrls(
  store: AfterPaymentSetting,
  appUrl: string,
  order: { id: string; externalOrderId?: string | null },
): { success: string; cancel: string } {
  const redirect = storeRedirect(store);
  if (redirect) {
    const ref = order.externalOrderId ?? order.id;
    return {
      success: withQuery(redirect.success, { orderId: ref }, "session_id={CHECKOUT_SESSION_ID}"),
      cancel: withQuery(redirect.cancel, { orderId: ref }),
    };
  }
  return {
    success: `${appUrl}${receiptPath(order.id)}?session_id={CHECKOUT_SESSION_ID}`,
    cancel: `${appUrl}${receiptPath(order.id)}?canceled=1`,
  };
}

/** Where a buyer page (Elements, PIX) sends the buyer once paid: the seller's URL or null for the receipt. */
export function paidRedirectUrl(store: AfterPaymentSetting, orderRef: string): string | null {
  const redirect = storeRedirect(store);
  return redirect ? withQuery(redirect.success, { orderId: orderRef }) : null;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A redirect URL a seller may save: https; plain http only for this machine (localhost) and
 * never in production. Messages are i18n keys under `settings.errors`.
 */
export function redirectUrlSchema(appEnv: "development" | "test" | "production") {
  return (
    z
      .string()
      .trim()
      .max(2000, "urlTooLong")
      .pipe(z.url({ protocol: /^https?$/, error: "urlInvalid" }))
      // zod runs refinements after a failed format check too: only judge what parses.
      .refine((u) => !URL.canParse(u) || !new URL(u).hash, "urlHasFragment")
      .refine((u) => {
        if (!URL.canParse(u)) return true;
        const url = new URL(u);
        if (url.protocol === "https:") return true;
        return appEnv !== "production" && LOCAL_HOSTS.has(url.hostname);
      }, "urlNotHttps")
  );
}

export function AfterPaymentInput(appEnv: "development" | "test" | "production") {
  const url = redirectUrlSchema(appEnv);
  return z.discriminatedUnion("mode", [
    z.strictObject({ mode: z.literal("receipt") }),
    z.strictObject({ mode: z.literal("redirect"), successUrl: url, cancelUrl: url }),
  ]);
}
export type AfterPaymentInput = z.infer<ReturnType<typeof AfterPaymentInput>>;
