import { notFound } from "next/navigation";
import { Card, CardContent } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { PriceSummary } from "@/components/buyer/price-summary";
import { PayForm } from "@/components/buyer/pay-form";
import { getPublicPrice } from "@/lib/checkout/public";
import { stripeBrowserConfig } from "@/lib/stripe/client";
import { getI18n } from "@/lib/http/locale";
import { AppError } from "@/lib/errors";
import { storeHasRunningCodes } from "@/lib/coupons/store";
import { pixOfferedFor } from "@/lib/pix/service/charge-from-price";

export const metadata = { title: "Pay" };

export default async function PayPage({ params }: { params: Promise<{ priceId: string }> }) {
  const { priceId } = await params;
  const price = await getPublicPrice(priceId).catch((e) =>
    e instanceof AppError && e.status === 404 ? null : Promise.reject(e),
  );
  if (!price || price.type !== "ONE_TIME") notFound();
  const { t, locale } = await getI18n();
  const stripe = stripeBrowserConfig();
  const acceptsCoupons = price.sellable && (await storeHasRunningCodes(price.storeId));
  // One link for every method the store takes: PIX beside card and boleto when a gateway is active.
  const pixOffered = price.sellable && (await pixOfferedFor(price));
  return (
    <Card className="w-full max-w-md">
      <CardContent className="space-y-6 py-6">
        <PriceSummary price={price} t={t} locale={locale} />
        {price.sellable && stripe.publishableKey ? (
          <PayForm
            priceId={price.id}
            publishableKey={stripe.publishableKey}
            standInScriptUrl={stripe.standInScriptUrl}
            acceptsCoupons={acceptsCoupons}
            paidRedirectBase={price.paidRedirectBase}
            maxQuantity={price.maxQuantity}
            pixOffered={pixOffered}
          />
        ) : (
          <Alert
            tone="warning"
            title={t(price.storeOpen ? "buyer.unavailable" : "tenants.storeUnavailable")}
            data-testid="buy-unavailable"
          >
            {t(price.storeOpen ? "buyer.unavailableBody" : "tenants.storeUnavailableBody")}
          </Alert>
        )}
        <p className="text-xs text-ink-subtle">{t("buyer.secured")}</p>
      </CardContent>
    </Card>
  );
}
