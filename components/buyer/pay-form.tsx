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
import { withQuery } from "@/lib/checkout/after-payment";
import { CouponField, type PricedPayment } from "@/components/coupons/coupon-field";

type Payment = {
  orderId: string;
  clientSecret: string;
  stripeAccount: string;
  amount: number;
  currency: string;
  discount: { code: string | null; amountOff: number } | null;
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
      />
    </Elements>
  );
}

function ConfirmForm({
  payment,
  priceId,
  acceptsCoupons,
  paidRedirectBase,
}: {
  payment: Payment;
  priceId: string;
  acceptsCoupons: boolean;
  paidRedirectBase: string | null;
}) {
  const { t } = useI18n();
  const elements = useElements();
  // The server prices the payment; a store code changes the amount before the buyer pays.
  const [amount, setAmount] = useState(payment.amount);
  const [method, setMethod] = useState<"card" | "boleto">("card");
  const initialPrice: PricedPayment = {
    amountSubtotal: payment.amount + (payment.discount?.amountOff ?? 0),
    amountOff: payment.discount?.amountOff ?? 0,
    amount: payment.amount,
    currency: payment.currency,
    code: payment.discount?.code ?? null,
  };
  async function onPriced(priced: PricedPayment) {
    setAmount(priced.amount);
    await elements?.fetchUpdates();
  }
  const done = () => sessionStorage.removeItem(storageKeyOf(priceId));

  const card = (
    <CardPayment
      clientSecret={payment.clientSecret}
      orderId={payment.orderId}
      amount={amount}
      currency={payment.currency}
      installments={payment.methods.installments}
      onDone={done}
      paidRedirectUrl={paidRedirectBase ? withQuery(paidRedirectBase, { orderId: payment.orderId }) : null}
    >
      {(acceptsCoupons || payment.discount) && (
        <CouponField
          clientSecret={payment.clientSecret}
          currency={payment.currency}
          initial={initialPrice}
          onPriced={onPriced}
        />
      )}
    </CardPayment>
  );
  if (!payment.methods.boleto) return card;
  return (
    <Tabs
      label={t("checkout.methods.legend")}
      value={method}
      onValueChange={(v) => setMethod(v === "boleto" ? "boleto" : "card")}
      items={[
        { value: "card", label: t("checkout.methods.card"), content: card },
        {
          value: "boleto",
          label: t("checkout.methods.boleto"),
          content: <BoletoForm clientSecret={payment.clientSecret} onDone={done} />,
        },
      ]}
    />
  );
}
