import Link from "next/link";
import { notFound } from "next/navigation";
import { StoreReviewActions } from "@/components/admin/store-review-actions";
import { TenantLookup } from "@/components/admin/tenant-lookup";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { auditSentence } from "@/lib/admin/audit-sentences";
import { tenantDetail, type VolumeRow } from "@/lib/admin/tenant-detail";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Tenant" };
export const dynamic = "force-dynamic";

const REVIEW_TONE: Record<string, BadgeTone> = { PENDING: "warning", APPROVED: "success", SUSPENDED: "danger" };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="min-w-0 break-words text-right text-sm text-ink">{children}</dd>
    </div>
  );
}

export default async function TenantPage({ params }: { params: Promise<{ id: string }> }) {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { t, locale } = await getI18n();
  const tenant = await tenantDetail((await params).id);
  if (!tenant) notFound();
  const volume = (rows: VolumeRow[]) =>
    rows.length === 0 ? (
      <p className="text-sm text-ink-subtle">{t("tenants.noVolume")}</p>
    ) : (
      <ul className="space-y-1">
        {rows.map((r) => (
          <li key={`${r.method}-${r.currency}`} className="flex flex-wrap justify-between gap-2 text-sm">
            <span>
              {t(`tenants.method.${r.method}`)} · {r.currency}
            </span>
            <span className="tabular-nums">
              {formatMoney(r.amount, r.currency, locale)}{" "}
              <span className="text-ink-subtle">
                ({t("tenants.payments", { count: formatNumber(r.count, locale) })})
              </span>
            </span>
          </li>
        ))}
      </ul>
    );
  const cb = tenant.callbacks;
  return (
    <div className="space-y-6">
      <PageHeader
        title={tenant.name}
        description={`${tenant.id} · ${tenant.currency} · ${t("tenants.counts", {
          products: tenant._count.products,
          keys: tenant._count.apiKeys,
        })}`}
      />
      <TenantLookup />
      <Card>
        <CardHeader>
          <CardTitle>{t("tenants.review.title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={REVIEW_TONE[tenant.reviewStatus]} dot data-testid="review-status">
              {t(`tenants.review.${tenant.reviewStatus}`)}
            </Badge>
            {tenant.reviewedAt && (
              <span className="text-sm text-ink-subtle">
                {t("tenants.review.by", {
                  when: formatDateTime(tenant.reviewedAt, locale),
                  who: tenant.reviewerEmail ?? "—",
                })}
              </span>
            )}
          </div>
          {tenant.reviewStatus === "SUSPENDED" && tenant.reviewReason && (
            <Alert tone="danger">{tenant.reviewReason}</Alert>
          )}
          {tenant.reviewStatus === "PENDING" && <Alert tone="warning">{t("tenants.review.pendingHint")}</Alert>}
          <StoreReviewActions storeId={tenant.id} storeName={tenant.name} status={tenant.reviewStatus} />
        </CardContent>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("tenants.owner")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="divide-y divide-line">
              <Row label={t("tenants.owner")}>
                {tenant.owner.name} · {tenant.owner.email}{" "}
                <Badge tone={tenant.owner.status === "ACTIVE" ? "success" : "danger"}>
                  {t(tenant.owner.status === "ACTIVE" ? "admin.active" : "admin.suspended")}
                </Badge>
              </Row>
              <Row label={t("tenants.domain")}>{tenant.storeDomain ?? "—"}</Row>
              <Row label={t("tenants.plan")}>
                {tenant.subscription
                  ? `${tenant.subscription.plan.name} · ${tenant.subscription.status}${
                      tenant.subscription.currentPeriodEnd
                        ? ` · ${formatDate(tenant.subscription.currentPeriodEnd, locale)}`
                        : ""
                    }`
                  : t("tenants.noPlan")}
              </Row>
              <Row label={t("tenants.credits")}>
                {tenant.creditBalance
                  ? t("tenants.creditsBalance", {
                      balance: formatNumber(tenant.creditBalance.balance, locale),
                      held: formatNumber(tenant.creditBalance.held, locale),
                    })
                  : t("tenants.noCredits")}
              </Row>
              {tenant.otherStores.length > 0 && (
                <Row label={t("tenants.otherStores")}>
                  {tenant.otherStores.map((s) => (
                    <Link key={s.id} href={`/admin/tenants/${s.id}`} className="mr-2 text-brand-700 hover:underline">
                      {s.name}
                    </Link>
                  ))}
                </Row>
              )}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("tenants.stripe")}</CardTitle>
          </CardHeader>
          <CardContent>
            {tenant.stripeAccount ? (
              <dl className="divide-y divide-line">
                <Row label="ID">
                  <span className="font-mono" data-testid="stripe-account-id">
                    {tenant.stripeAccount.accountId}
                  </span>{" "}
                  · {tenant.stripeAccount.country}
                </Row>
                <Row label={t("tenants.charges")}>
                  <Badge tone={tenant.stripeAccount.chargesEnabled ? "success" : "danger"} dot>
                    {t(tenant.stripeAccount.chargesEnabled ? "tenants.enabled" : "tenants.disabled")}
                  </Badge>
                </Row>
                <Row label={t("tenants.payouts")}>
                  <Badge tone={tenant.stripeAccount.payoutsEnabled ? "success" : "danger"} dot>
                    {t(tenant.stripeAccount.payoutsEnabled ? "tenants.enabled" : "tenants.disabled")}
                  </Badge>
                </Row>
                <Row label={t("tenants.requirements")}>
                  {tenant.stripeAccount.requirementsDue.length
                    ? tenant.stripeAccount.requirementsDue.join(", ")
                    : t("tenants.none")}
                </Row>
              </dl>
            ) : (
              <p className="text-sm text-ink-subtle">{t("tenants.notConnected")}</p>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("tenants.volume")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <div>
              <p className="mb-1 text-xs font-medium uppercase tracking-wide text-ink-subtle">{t("tenants.last30")}</p>
              {volume(tenant.volume30d)}
            </div>
            <div>
              <p className="mb-1 text-xs font-medium uppercase tracking-wide text-ink-subtle">{t("tenants.allTime")}</p>
              {volume(tenant.volumeAll)}
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("tenants.callbacks")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm">
            <p>{t("tenants.endpoints", { count: cb.endpoints })}</p>
            <p>
              {cb.successRate7d === null
                ? t("tenants.noAttempts")
                : t("tenants.successRate", {
                    rate: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
                      cb.successRate7d,
                    ),
                    count: formatNumber(cb.attempts7d, locale),
                  })}
            </p>
            {cb.due > 0 && <p>{t("tenants.due", { count: cb.due, seconds: cb.oldestDueSeconds ?? 0 })}</p>}
            {cb.disabled.map((e) => (
              <p key={e.id} className="break-all text-danger-ink">
                {t("tenants.disabledEndpoint", { url: e.url })}
                {e.disabledReason ? ` — ${e.disabledReason}` : ""}
              </p>
            ))}
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("tenants.gateways")}</CardTitle>
          </CardHeader>
          <CardContent>
            {tenant.pixGateways.length === 0 ? (
              <p className="text-sm text-ink-subtle">{t("tenants.noGateways")}</p>
            ) : (
              <ul className="divide-y divide-line">
                {tenant.pixGateways.map((g) => (
                  <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span>
                      {g.label} <span className="text-ink-subtle">({g.gateway})</span>
                    </span>
                    <span className="flex flex-wrap items-center gap-2">
                      <Badge tone={g.active ? "success" : "neutral"}>
                        {t(g.active ? "tenants.gatewayOn" : "tenants.gatewayOff")}
                      </Badge>
                      <Badge tone={g.lastVerifyOk === false ? "danger" : g.lastVerifyOk ? "success" : "neutral"}>
                        {g.lastVerifiedAt
                          ? t("tenants.verifiedAt", { when: formatDateTime(g.lastVerifiedAt, locale) })
                          : t("tenants.neverVerified")}
                        {g.lastErrorCode ? ` · ${g.lastErrorCode}` : ""}
                      </Badge>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("tenants.audit")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="divide-y divide-line">
            {tenant.audit.entries.map((e) => {
              const s = auditSentence(e, locale, tenant.audit.users);
              return (
                <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                  <span className="min-w-0 break-words">
                    <strong className="font-medium">{s.actor}</strong> {s.phrase}
                  </span>
                  <time className="text-xs text-ink-subtle">{formatDateTime(e.createdAt, locale)}</time>
                </li>
              );
            })}
          </ol>
          <Link
            href={`/admin/audit?store=${tenant.id}`}
            className="mt-3 inline-block text-sm text-brand-700 hover:underline"
          >
            {t("tenants.allAudit")}
          </Link>
        </CardContent>
      </Card>
    </div>
  );
}
