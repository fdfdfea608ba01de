"use client";
import { Elements, useElements } from "@stripe/react-stripe-js";
import { useEffect, useMemo, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { loadStripeJs } from "@/components/stripe/browser";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Tabs } from "@/components/ui/tabs";
import { BoletoForm } from "@/components/checkout/boleto-form";
import { CardPayment } from "@/components/checkout/card-payment";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { withQuery } from "@/lib/tenancy/after-payment";
import { CouponField, type PricedPayment } from "@/components/coupons/coupon-field";
import { QuantityField } from "@/components/checkout/quantity-field";
import { PixChoice } from "@/components/checkout/pix-choice";

type Payment = {
  orderId: string;
  clientSecret: string;
  stripeAccount: string;
  amount: number;
  currency: string;
  discount: { code: string | null; amountOff: number } | null;
  quantity: number;
  methods: { installments: boolean; boleto: boolean };
};
export type PayFormProps = {
  priceId: string;
  publishableKey: string;
  standInScriptUrl: string | null;
  /** The store has running coupon codes: show the code field. */
  acceptsCoupons?: boolean;
  /** The store's after-payment page when it chose to send buyers to its site; null for the receipt. */
  paidRedirectBase?: string | null;
  /** How many one buyer may take (Product.maxQuantity); 1 shows no quantity field. */
  maxQuantity?: number;
  /** The store takes PIX for this price (an active gateway, a one-time BRL price). */
  pixOffered?: boolean;
};

const storageKeyOf = (priceId: string) => `vitrine:pay:${priceId}`;

async function startPayment(priceId: string, retry = true): Promise<Payment> {
  // One key per price per tab: a reload resumes the same PaymentIntent instead of creating another.
  const storageKey = storageKeyOf(priceId);
  let key = sessionStorage.getItem(storageKey);
  if (!key) {
    key = newIdempotencyKey();
    sessionStorage.setItem(storageKey, key);
  }
  try {
    return await apiFetch<Payment>("/api/public/payment-intents", {
      method: "POST",
      body: { priceId },
      idempotencyKey: key,
    });
  } catch (err) {
    // The payment this tab kept was paid, expired or canceled since: start a new one.
    if (!retry || !(err instanceof ApiError) || err.code !== "payment_not_open") throw err;
    sessionStorage.removeItem(storageKey);
    return startPayment(priceId, false);
  }
}

export function PayForm({
  priceId,
  publishableKey,
  standInScriptUrl,
  acceptsCoupons = false,
  paidRedirectBase = null,
  maxQuantity = 1,
  pixOffered = false,
}: PayFormProps) {
  const { t, locale } = useI18n();
  const [payment, setPayment] = useState<Payment | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    startPayment(priceId).then(setPayment, (err) =>
      setError(
        err instanceof ApiError && err.code === "charges_not_enabled"
          ? t("buyer.unavailableBody")
          : err instanceof Error
            ? err.message
            : t("common.declines.generic"),
      ),
    );
  }, [priceId, t]);

  const stripePromise = useMemo(
    () => (payment ? loadStripeJs({ publishableKey, standInScriptUrl }, locale, payment.stripeAccount) : null),
    [payment, publishableKey, standInScriptUrl, locale],
  );

  if (error)
    return (
      <Alert tone="danger" role="alert">
        {error}
      </Alert>
    );
  if (!payment || !stripePromise)
    return (
      <div className="space-y-3" aria-busy="true">
        <p className="text-sm text-ink-muted">{t("buyer.preparing")}</p>
        <Skeleton className="h-11 w-full" />
        <Skeleton className="h-11 w-full" />
      </div>
    );
  return (
    <Elements
      stripe={stripePromise}
      options={{
        clientSecret: payment.clientSecret,
        locale: locale === "pt-BR" ? "pt-BR" : "en",
        appearance: { theme: "stripe", variables: { colorPrimary: "#07725d", borderRadius: "8px" } },
      }}
    >
      <ConfirmForm
        payment={payment}
        priceId={priceId}
        acceptsCoupons={acceptsCoupons}
        paidRedirectBase={paidRedirectBase}
        maxQuantity={maxQuantity}
        pixOffered={pixOffered}
      />
    </Elements>
  );
}

type Method = "card" | "boleto" | "pix";

function ConfirmForm({
  payment,
  priceId,
  acceptsCoupons,
  paidRedirectBase,
  maxQuantity,
  pixOffered,
}: {
  payment: Payment;
  priceId: string;
  acceptsCoupons: boolean;
  paidRedirectBase: string | null;
  maxQuantity: number;
  pixOffered: boolean;
}) {
  const { t, money } = useI18n();
  const elements = useElements();
  // The server prices the payment; a quantity or a store code changes the amount before the buyer pays.
  const [priced, setPriced] = useState<PricedPayment>({
    amountSubtotal: payment.amount + (payment.discount?.amountOff ?? 0),
    amountOff: payment.discount?.amountOff ?? 0,
    amount: payment.amount,
    currency: payment.currency,
    code: payment.discount?.code ?? null,
  });
  const [quantity, setQuantity] = useState(payment.quantity);
  const [method, setMethod] = useState<Method>("card");
  async function onPriced(next: PricedPayment & { quantity?: number }) {
    setPriced(next);
    if (next.quantity) setQuantity(next.quantity);
    await elements?.fetchUpdates();
  }
  const done = () => sessionStorage.removeItem(storageKeyOf(priceId));

  const card = (
    <CardPayment
      clientSecret={payment.clientSecret}
      orderId={payment.orderId}
      amount={priced.amount}
      currency={payment.currency}
      installments={payment.methods.installments}
      onDone={done}
      paidRedirectUrl={paidRedirectBase ? withQuery(paidRedirectBase, { orderId: payment.orderId }) : null}
    />
  );
  const items = [
    { value: "card", label: t("checkout.methods.card"), content: card },
    ...(payment.methods.boleto
      ? [
          {
            value: "boleto",
            label: t("checkout.methods.boleto"),
            content: (
              <div className="space-y-4">
                {quantity > 1 || priced.amountOff > 0 ? (
                  <p className="flex items-baseline justify-between text-sm text-ink-muted">
                    {t("oneLink.pix.total")}
                    <span className="text-base font-semibold text-ink tabular-nums" data-testid="boleto-total">
                      {money(priced.amount, payment.currency)}
                    </span>
                  </p>
                ) : null}
                <BoletoForm clientSecret={payment.clientSecret} onDone={done} />
              </div>
            ),
          },
        ]
      : []),
    ...(pixOffered
      ? [
          {
            value: "pix",
            label: t("oneLink.pix.tab"),
            content: (
              <PixChoice
                priceId={priceId}
                quantity={quantity}
                code={priced.code}
                amount={priced.amount}
                currency={payment.currency}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <div className="space-y-5">
      {maxQuantity > 1 && (
        <QuantityField clientSecret={payment.clientSecret} max={maxQuantity} value={quantity} onPriced={onPriced} />
      )}
      {(acceptsCoupons || payment.discount) && (
        <CouponField
          // Re-mounted on a new quantity so its subtotal and total are the server's latest.
          key={quantity}
          clientSecret={payment.clientSecret}
          currency={payment.currency}
          initial={priced}
          onPriced={onPriced}
        />
      )}
      {items.length === 1 ? (
        card
      ) : (
        <Tabs
          label={t("checkout.methods.legend")}
          value={method}
          onValueChange={(v) => setMethod(v === "boleto" || v === "pix" ? v : "card")}
          items={items}
        />
      )}
    </div>
  );
}
