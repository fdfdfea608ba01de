import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardContent } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { PriceSummary } from "@/components/buyer/price-summary";
import { BuyForm } from "@/components/buyer/buy-form";
import { getPublicPrice } from "@/lib/checkout/public";
import { getI18n } from "@/lib/http/locale";
import { AppError } from "@/lib/errors";

export const metadata = { title: "Checkout" };

export default async function BuyPage({ params }: { params: Promise<{ priceId: string }> }) {
  const { priceId } = await params;
  const price = await getPublicPrice(priceId).catch((e) =>
    e instanceof AppError && e.status === 404 ? null : Promise.reject(e),
  );
  if (!price) notFound();
  const { t, locale } = await getI18n();
  return (
    <Card className="w-full max-w-md">
      <CardContent className="space-y-6 py-6">
        <PriceSummary price={price} t={t} locale={locale} />
        {price.sellable ? (
          <>
            <BuyForm priceId={price.id} />
            {/* Hosted Checkout takes cards; a one-time BRL price's buy link also takes PIX and boleto. */}
            {price.type === "ONE_TIME" && price.currency === "BRL" && (
              <p className="text-center text-sm">
                <Link
                  href={`/pay/${price.id}`}
                  className="text-brand-700 underline-offset-4 hover:underline"
                  data-testid="other-methods"
                >
                  {t("oneLink.link.otherMethods")}
                </Link>
              </p>
            )}
          </>
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
