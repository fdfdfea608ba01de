import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Tabs } from "@/components/ui/tabs";
import { SyncButton } from "@/components/admin/sync-button";
import { PixWebhookTable } from "@/components/admin/pix-webhook-table";
import { PixOutcomeFilter } from "@/components/admin/pix-outcome-filter";
import {
  listPixWebhookEvents,
  listStripeEvents,
  pixWebhookHealth,
  PixWebhooksQuery,
  webhookHealth,
} from "@/lib/admin/webhooks";
import { getI18n } from "@/lib/http/locale";
import { formatDateTime } from "@/lib/i18n/format";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata = { title: "Webhooks" };

const TONE = { PROCESSED: "success", FAILED: "danger", PROCESSING: "info", RECEIVED: "neutral" } as const;

export default async function AdminWebhooks({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The layout's check does not run on a client navigation (an RSC request renders this segment alone).
  await requireAdminPage();
  const { tab, outcome } = PixWebhooksQuery.parse(await searchParams);
  const { t, locale } = await getI18n();
  const [events, health, pixEvents, pixHealth] = await Promise.all([
    listStripeEvents({ take: 200 }),
    webhookHealth(),
    listPixWebhookEvents({ outcome, take: 200 }),
    pixWebhookHealth(),
  ]);
  const stripe = (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label={t("admin.eventsProcessed")} value={health.events.processed} />
        <Stat label={t("admin.eventsFailed")} value={health.events.failed} />
        <Stat label={t("admin.callbacksDelivered")} value={health.callbacks.delivered} />
        <Stat label={t("admin.callbacksPending")} value={health.callbacks.pending} />
        <Stat label={t("admin.disabledEndpoints")} value={health.disabledEndpoints} />
      </div>
      <Card className="overflow-hidden">
        <DataTable
          rows={events}
          rowKey={(e) => e.id}
          caption={t("admin.stripeEventsTab")}
          empty={<EmptyState bare title={t("admin.emptyEvents")} />}
          columns={[
            {
              key: "when",
              header: t("admin.when"),
              cell: (e) => <span className="whitespace-nowrap">{formatDateTime(e.receivedAt, locale)}</span>,
            },
            {
              key: "type",
              header: t("admin.event"),
              cell: (e) => (
                <div>
                  <div className="font-medium">{e.type}</div>
                  <div className="font-mono text-xs text-ink-subtle">{e.id}</div>
                </div>
              ),
            },
            {
              key: "account",
              header: t("admin.account"),
              cell: (e) => <span className="font-mono text-xs">{e.account ?? t("admin.platform")}</span>,
            },
            {
              key: "status",
              header: t("admin.status"),
              cell: (e) => (
                <Badge tone={TONE[e.status]} dot>
                  {e.status}
                </Badge>
              ),
            },
            { key: "source", header: t("admin.source"), cell: (e) => e.source },
            { key: "attempts", header: t("admin.attempts"), align: "right", cell: (e) => e.attempts },
            {
              key: "error",
              header: t("admin.error"),
              cell: (e) =>
                e.lastError ? <span className="text-xs text-danger-ink">{e.lastError.slice(0, 120)}</span> : "—",
            },
          ]}
        />
      </Card>
    </div>
  );
  const pix = (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="pix-webhook-stats">
        <Stat label={t("admin.pixAccepted")} value={pixHealth.accepted} hint={t("admin.last24h")} />
        <Stat label={t("admin.pixUnmatched")} value={pixHealth.unmatched} hint={t("admin.last24h")} />
        <Stat label={t("admin.pixRejected")} value={pixHealth.rejected} hint={t("admin.last24h")} />
        <Stat
          label={t("admin.pixErrors")}
          value={pixHealth.error}
          hint={t("admin.pixIgnored", { count: pixHealth.ignored })}
        />
      </div>
      <PixOutcomeFilter current={outcome} t={t} />
      <Card className="overflow-hidden">
        <PixWebhookTable rows={pixEvents} t={t} locale={locale} />
      </Card>
    </div>
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("nav.adminWebhooks")}
        description={t("admin.webhooksDescription")}
        actions={<SyncButton />}
      />
      <Tabs
        label={t("admin.webhookSources")}
        defaultValue={tab}
        items={[
          { value: "stripe", label: t("admin.stripeEventsTab"), content: stripe },
          { value: "pix", label: t("admin.pixWebhooksTab"), content: pix },
        ]}
      />
    </div>
  );
}
