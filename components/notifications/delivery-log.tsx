"use client";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { isNotificationEvent } from "@/lib/notifications/events";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { BellIcon, RefreshIcon } from "@/components/ui/icons";
import { DataTable } from "@/components/ui/table";
import { LOG_KEY, type NotificationPage, type NotificationRow, type NotificationStatus } from "./types";

const PAGE = 20;
const TONES: Record<NotificationStatus, BadgeTone> = {
  pending: "neutral",
  sending: "info",
  sent: "success",
  failed: "warning",
  dead: "danger",
};
const inFlight = (r: NotificationRow) => r.status === "pending" || r.status === "sending";

function StatusBadge({ row }: { row: NotificationRow }) {
  const { t } = useI18n();
  return (
    <Badge tone={TONES[row.status] ?? "neutral"} dot data-testid="notification-status">
      {t(`notifications.log.statuses.${row.status}` as MessageKey)}
    </Badge>
  );
}

function useLabels() {
  const { t, dateTime } = useI18n();
  return {
    event: (e: string) => (isNotificationEvent(e) ? t(`notifications.events.${e}.label` as MessageKey) : e),
    channel: (c: string) => (c === "slack" ? t("notifications.prefs.slack") : t("notifications.prefs.email")),
    recipient: (r: NotificationRow) => (r.channel === "slack" ? t("notifications.log.slackRecipient") : r.recipient),
    next: (r: NotificationRow) =>
      r.status === "failed" && r.nextAttemptAt
        ? t("notifications.log.nextAttempt", { time: dateTime(r.nextAttemptAt) })
        : null,
    dateTime,
  };
}

function ErrorText({ text }: { text: string | null }) {
  if (!text) return <span className="text-ink-subtle">—</span>;
  return (
    <span className="line-clamp-2 max-w-72 font-mono text-xs break-all text-ink-muted" title={text}>
      {text}
    </span>
  );
}

/** Phones: one stacked item per notification. */
function LogItem({ row }: { row: NotificationRow }) {
  const { t } = useI18n();
  const l = useLabels();
  return (
    <li className="flex flex-col gap-1.5 px-5 py-4" data-testid="notification-item">
      <div className="flex items-start justify-between gap-3">
        <span className="min-w-0 text-sm font-medium text-ink">{l.event(row.event)}</span>
        <StatusBadge row={row} />
      </div>
      {row.subject && <span className="text-[13px] text-ink-muted">{row.subject}</span>}
      <span className="text-xs text-ink-subtle">
        {l.dateTime(row.createdAt)} · {l.channel(row.channel)} · <span className="font-mono">{l.recipient(row)}</span> ·{" "}
        {t("notifications.log.attempts")}: {row.attempts}
      </span>
      {l.next(row) && <span className="text-xs text-ink-subtle">{l.next(row)}</span>}
      {row.lastError && <ErrorText text={row.lastError} />}
    </li>
  );
}

/** Newest first, 20 at a time ("Load more" follows the cursor); polls while something is on its way. */
export function DeliveryLog({ initial }: { initial: NotificationPage }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const l = useLabels();
  const log = useInfiniteQuery({
    queryKey: LOG_KEY,
    queryFn: ({ pageParam }) =>
      apiFetch<NotificationPage>(
        `/api/v1/notifications/deliveries?limit=${PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: { pages: [initial], pageParams: [""] },
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.data.some(inFlight)) ? 3_000 : false),
  });
  const rows = log.data?.pages.flatMap((p) => p.data) ?? [];
  // The spinner is for the seller's click, not for the polling behind it.
  const [refreshing, setRefreshing] = useState(false);
  const refresh = () => {
    setRefreshing(true);
    void qc.invalidateQueries({ queryKey: LOG_KEY }).finally(() => setRefreshing(false));
  };

  return (
    <Card className="overflow-hidden">
      <CardHeader
        actions={
          <Button
            variant="secondary"
            size="sm"
            iconOnly
            aria-label={t("notifications.log.refresh")}
            loading={refreshing}
            onClick={refresh}
          >
            <RefreshIcon />
          </Button>
        }
      >
        <CardTitle>{t("notifications.log.title")}</CardTitle>
        <CardDescription>{t("notifications.log.description")}</CardDescription>
      </CardHeader>
      {log.isError && (
        <Alert tone="danger" className="mx-5 mb-4 sm:mx-6">
          {t("notifications.log.loadError")}
        </Alert>
      )}
      <div className="border-t border-line" data-testid="notification-log">
        {rows.length === 0 ? (
          <EmptyState
            bare
            icon={<BellIcon />}
            title={t("notifications.log.emptyTitle")}
            description={t("notifications.log.emptyBody")}
          />
        ) : (
          <>
            <ul className="divide-y divide-line sm:hidden">
              {rows.map((r) => (
                <LogItem key={r.id} row={r} />
              ))}
            </ul>
            <div className="hidden sm:block">
              <DataTable
                rows={rows}
                rowKey={(r) => r.id}
                caption={t("notifications.log.title")}
                columns={[
                  {
                    key: "event",
                    header: t("notifications.log.event"),
                    wrap: true,
                    cell: (r) => (
                      <span className="flex min-w-0 flex-col gap-0.5">
                        <span className="font-medium">{l.event(r.event)}</span>
                        {r.subject && <span className="line-clamp-1 text-xs text-ink-muted">{r.subject}</span>}
                        <span className="text-xs text-ink-subtle">{l.dateTime(r.createdAt)}</span>
                      </span>
                    ),
                  },
                  {
                    key: "recipient",
                    header: t("notifications.log.recipient"),
                    cell: (r) => (
                      <span className="flex flex-col gap-0.5">
                        <span>{l.channel(r.channel)}</span>
                        <span className="font-mono text-xs text-ink-muted">{l.recipient(r)}</span>
                      </span>
                    ),
                  },
                  {
                    key: "status",
                    header: t("notifications.log.status"),
                    cell: (r) => (
                      <span className="flex flex-col items-start gap-1">
                        <StatusBadge row={r} />
                        {l.next(r) && <span className="text-xs text-ink-subtle">{l.next(r)}</span>}
                      </span>
                    ),
                  },
                  { key: "attempts", header: t("notifications.log.attempts"), align: "right", cell: (r) => r.attempts },
                  {
                    key: "error",
                    header: t("notifications.log.error"),
                    wrap: true,
                    cell: (r) => <ErrorText text={r.lastError} />,
                  },
                ]}
              />
            </div>
          </>
        )}
        <LoadMore list={log} label={t("notifications.log.loadMore")} />
      </div>
    </Card>
  );
}
