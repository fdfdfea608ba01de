// The seller's balance: Stripe available / pending / next payout and the payouts with their
// transactions, read live from the connected account, and PIX received per gateway beside it.
import { PayoutList } from "@/components/balance/payout-list";
import { PixReceived } from "@/components/balance/pix-received";
import { StripeSummary } from "@/components/balance/stripe-summary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getStripeBalance } from "@/lib/balance/stripe-balance";
import { pixReceivedByGateway } from "@/lib/balance/pix-received";
import { requireSellerPage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "Balance" };
export const dynamic = "force-dynamic";

export default async function BalancePage() {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  const header = <PageHeader title={t("balance.title")} description={t("balance.description")} />;
  if (!store) return header;
  const [stripe, pix] = await Promise.all([
    // Stripe being down must not hide the PIX figures.
    getStripeBalance(store.id).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "stripe_error") return "unavailable" as const;
      throw err;
    }),
    pixReceivedByGateway(store.id),
  ]);

  return (
    <div className="space-y-6">
      {header}
      <section className="space-y-4" aria-labelledby="stripe-balance">
        <div>
          <h2 id="stripe-balance" className="text-lg font-semibold text-ink">
            {t("balance.stripe.heading")}
          </h2>
          {stripe !== "unavailable" && stripe.connected && (
            <p className="text-sm text-ink-muted">{t("balance.stripe.subheading")}</p>
          )}
        </div>
        {stripe === "unavailable" ? (
          <Alert tone="danger">{t("balance.stripe.unavailable")}</Alert>
        ) : !stripe.connected ? (
          <EmptyState
            title={t("balance.connect.title")}
            description={t("balance.connect.description")}
            action={<Button href="/dashboard/connect">{t("balance.connect.action")}</Button>}
          />
        ) : (
          <>
            {!stripe.payoutsEnabled && (
              <Alert
                tone="warning"
                title={t("balance.stripe.payoutsPaused")}
                actions={
                  <Button href="/dashboard/connect" size="sm" variant="secondary">
                    {t("balance.stripe.finishOnboarding")}
                  </Button>
                }
              >
                {t("balance.stripe.payoutsPausedBody")}
              </Alert>
            )}
            <StripeSummary balance={stripe} t={t} locale={locale} />
            <Card>
              <CardHeader>
                <CardTitle>{t("balance.payouts.heading")}</CardTitle>
                <CardDescription>{t("balance.payouts.description")}</CardDescription>
              </CardHeader>
              <PayoutList payouts={stripe.payouts} hasMore={stripe.hasMorePayouts} t={t} locale={locale} />
            </Card>
          </>
        )}
      </section>
      <Card>
        <CardHeader>
          <CardTitle>{t("balance.pix.heading")}</CardTitle>
          <CardDescription>{t("balance.pix.description")}</CardDescription>
        </CardHeader>
        <PixReceived gateways={pix} t={t} locale={locale} />
      </Card>
    </div>
  );
}
