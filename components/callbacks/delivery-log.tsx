"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { CALLBACK_STATUSES, type CallbackStatusName } from "@/lib/callbacks/event-types";
import { apiFetch, ApiError } from "@/components/api-client";
import { nextPoll, type Backoff } from "@/components/polling";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { RefreshIcon, WebhookIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { DeliveryDetailDialog } from "./delivery-detail-dialog";
import { ReplayDialog } from "./replay-dialog";
import { DeliveryEvent, DeliveryItem, DeliveryResponse, DeliveryStatusBadge } from "./delivery-status";
import { DELIVERIES_KEY, DELIVERY_PAGE, type DeliveryPage, type DeliveryRow, ENDPOINTS_KEY } from "./types";

/** 2 s while deliveries are on their way (a retry runs within seconds), slowing to 30 s for long retry schedules. */
const POLL: Backoff = { every: 2_000, steady: 10, max: 30_000 };

const onItsWay = (d: DeliveryRow) => d.status === "PENDING" || d.status === "DELIVERING";

/** The delivery log, newest first, with per-row Redeliver; polls while something is still on its way. */
export function DeliveryLog({ initial }: { initial: DeliveryPage }) {
  const { t, dateTime } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [status, setStatus] = useState<CallbackStatusName | "">("");
  const [replayOpen, setReplayOpen] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const deliveries = useInfiniteQuery({
    queryKey: [...DELIVERIES_KEY, status],
    queryFn: ({ pageParam }) =>
      apiFetch<DeliveryPage>(
        `/api/v1/callbacks/deliveries?limit=${DELIVERY_PAGE}${status ? `&status=${status}` : ""}${
          pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""
        }`,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: status === "" ? { pages: [initial], pageParams: [""] } : undefined,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.data.some(onItsWay)) ? nextPoll(q, POLL) : false),
  });
  const redeliver = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/callbacks/deliveries/${id}/redeliver`, { method: "POST" }),
    onSuccess: () => {
      toast.success(t("callbacks.log.redelivered"));
      void qc.invalidateQueries({ queryKey: DELIVERIES_KEY });
    },
    onError: (err) => toast.error(err instanceof ApiError ? err.message : t("common.error")),
  });
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: DELIVERIES_KEY }),
      qc.invalidateQueries({ queryKey: ENDPOINTS_KEY }),
    ]);
  const rows = deliveries.data?.pages.flatMap((p) => p.data) ?? [];
  // Endpoint health (last success, failures in a row, stopped by a 410) changes as deliveries finish.
  const inFlight = rows.filter(onItsWay).length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: inFlight is the trigger, not an input
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: ENDPOINTS_KEY });
  }, [inFlight, qc]);
  const empty = status ? (
    <p className="px-5 py-10 text-center text-sm text-ink-subtle">{t("callbacks.log.emptyFiltered")}</p>
  ) : (
    <EmptyState
      bare
      icon={<WebhookIcon />}
      title={t("callbacks.log.emptyTitle")}
      description={t("callbacks.log.emptyBody")}
    />
  );
  const redeliverButton = (d: DeliveryRow) => (
    <span className="inline-flex items-center gap-1">
      <Button
        variant="ghost"
        size="sm"
        aria-label={t("callbacks.detail.viewLabel", { eventId: d.eventId })}
        onClick={() => setViewing(d.id)}
        data-testid="delivery-view"
      >
        {t("callbacks.detail.view")}
      </Button>
      {d.status !== "DELIVERING" && (
        <Button
          variant="ghost"
          size="sm"
          loading={redeliver.isPending && redeliver.variables === d.id}
          onClick={() => redeliver.mutate(d.id)}
        >
          {t("callbacks.log.redeliver")}
        </Button>
      )}
    </span>
  );

  return (
    <Card className="overflow-hidden">
      <CardHeader
        className="flex-col sm:flex-row"
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Select
              aria-label={t("callbacks.log.filter")}
              size="sm"
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as CallbackStatusName | "")}
              placeholder={t("callbacks.log.allStatuses")}
              options={CALLBACK_STATUSES.map((s) => ({
                value: s,
                label: t(`callbacks.log.statuses.${s}` as MessageKey),
              }))}
            />
            <Button
              variant="secondary"
              size="sm"
              iconOnly
              aria-label={t("callbacks.log.refresh")}
              loading={deliveries.isFetching}
              onClick={() => void refresh()}
            >
              <RefreshIcon />
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setReplayOpen(true)}>
              {t("callbacks.log.replay")}
            </Button>
          </div>
        }
      >
        <CardTitle>{t("callbacks.log.title")}</CardTitle>
        <CardDescription>{t("callbacks.log.description")}</CardDescription>
      </CardHeader>
      {deliveries.isError && (
        <Alert tone="danger" className="mx-5 mb-4 sm:mx-6">
          {t("callbacks.log.loadError")}
        </Alert>
      )}
      <div className="border-t border-line">
        {rows.length === 0 ? (
          empty
        ) : (
          <>
            <ul className="divide-y divide-line sm:hidden">
              {rows.map((d) => (
                <DeliveryItem key={d.id} delivery={d} action={redeliverButton(d)} />
              ))}
            </ul>
            <div className="hidden sm:block">
              <DataTable
                rows={rows}
                rowKey={(d) => d.id}
                caption={t("callbacks.log.title")}
                columns={[
                  { key: "event", header: t("callbacks.log.event"), cell: (d) => <DeliveryEvent delivery={d} /> },
                  {
                    key: "status",
                    header: t("callbacks.log.status"),
                    // The next attempt of a delivery still in its retry schedule, under its status.
                    cell: (d) => (
                      <span className="flex flex-col items-start gap-1">
                        <DeliveryStatusBadge status={d.status} />
                        {d.status === "PENDING" && (
                          <span className="text-xs text-ink-subtle">
                            {t("callbacks.log.nextRetry")}: {dateTime(d.nextAttemptAt)}
                          </span>
                        )}
                      </span>
                    ),
                  },
                  { key: "attempts", header: t("callbacks.log.attempts"), align: "right", cell: (d) => d.attempts },
                  {
                    key: "code",
                    header: t("callbacks.log.lastCode"),
                    align: "right",
                    cell: (d) => (
                      <span className="flex flex-col">
                        <span>{d.lastStatusCode ?? "—"}</span>
                        {d.lastLatencyMs !== null && (
                          <span className="text-xs text-ink-subtle">{d.lastLatencyMs} ms</span>
                        )}
                      </span>
                    ),
                  },
                  {
                    key: "response",
                    header: t("callbacks.log.response"),
                    wrap: true,
                    cell: (d) => <DeliveryResponse delivery={d} className="max-w-44" />,
                  },
                  { key: "actions", header: "", align: "right", cell: redeliverButton },
                ]}
              />
            </div>
          </>
        )}
        <LoadMore list={deliveries} label={t("callbacks.log.loadMore")} testId="delivery-log-more" />
      </div>
      <ReplayDialog open={replayOpen} onOpenChange={setReplayOpen} onDone={() => void refresh()} />
      <DeliveryDetailDialog id={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}
