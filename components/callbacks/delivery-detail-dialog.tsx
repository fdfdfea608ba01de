"use client";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { DeliveryStatusBadge } from "./delivery-status";
import { DeliverySubjectLink } from "./delivery-subject";
import { deliveryKey, eventLabelKey, paymentHref, type DeliveryDetailView } from "./types";

/** The body as the store received it, indented for reading (the bytes sent are the compact form). */
function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One delivery opened: what it is about, the body and headers sent, and every attempt with the answer. */
export function DeliveryDetailDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, dateTime } = useI18n();
  const detail = useQuery({
    queryKey: deliveryKey(id ?? ""),
    queryFn: () => apiFetch<DeliveryDetailView>(`/api/v1/callbacks/deliveries/${id}`),
    enabled: id !== null,
  });
  const d = detail.data;
  return (
    <Dialog
      open={id !== null}
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={d ? t("callbacks.detail.title", { event: t(eventLabelKey(d.eventType)) }) : t("callbacks.detail.loading")}
      description={d?.eventId}
      size="lg"
      footer={
        <>
          {d?.subject && d.subject.kind !== "test" && (
            <Button href={paymentHref(d.subject.id)} variant="secondary">
              {t("callbacks.subject.open")}
            </Button>
          )}
          <Button onClick={onClose}>{t("common.close")}</Button>
        </>
      }
    >
      {detail.isError ? (
        <Alert tone="danger">{t("callbacks.detail.loadError")}</Alert>
      ) : !d ? (
        <div className="flex justify-center py-10">
          <Spinner />
        </div>
      ) : (
        <div className="flex flex-col gap-5 text-sm" data-testid="delivery-detail">
          <dl className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-4 gap-y-2">
            <dt className="text-ink-subtle">{t("callbacks.detail.about")}</dt>
            <dd>
              <DeliverySubjectLink subject={d.subject} />
            </dd>
            <dt className="text-ink-subtle">{t("callbacks.log.status")}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <DeliveryStatusBadge status={d.status} />
              <span className="text-xs text-ink-subtle">{dateTime(d.createdAt)}</span>
            </dd>
            <dt className="text-ink-subtle">{t("callbacks.detail.endpoint")}</dt>
            <dd className="font-mono text-xs break-all">{d.endpoint.url}</dd>
          </dl>

          <section className="flex flex-col gap-2">
            <div className="flex items-center justify-between gap-2">
              <h3 className="font-semibold text-ink">{t("callbacks.detail.body")}</h3>
              <CopyButton value={d.body} iconOnly />
            </div>
            <pre
              className="max-h-72 overflow-auto rounded-md border border-line bg-surface-sunken p-3 font-mono text-xs leading-relaxed text-ink"
              data-testid="delivery-body"
            >
              {pretty(d.body)}
            </pre>
          </section>

          <section className="flex flex-col gap-2">
            <h3 className="font-semibold text-ink">{t("callbacks.detail.headers")}</h3>
            <p className="text-[13px] text-ink-muted">
              {t("callbacks.detail.headersHint", { prefix: d.endpoint.secretPrefix })}
            </p>
            <dl
              className="grid grid-cols-1 gap-x-3 gap-y-1 rounded-md border border-line bg-surface-sunken p-3 font-mono text-xs sm:grid-cols-[auto_minmax(0,1fr)]"
              data-testid="delivery-headers"
            >
              {d.headers.map((h) => (
                <div key={h.name} className="contents">
                  <dt className="text-ink-subtle">{h.name}:</dt>
                  <dd className="mb-1 break-all text-ink sm:mb-0">
                    {h.note === "per_attempt" ? (
                      <span className="font-sans italic text-ink-muted">{t("callbacks.detail.perAttempt")}</span>
                    ) : (
                      h.value
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section className="flex flex-col gap-2">
            <h3 className="font-semibold text-ink">{t("callbacks.detail.attemptsTitle")}</h3>
            {d.attemptLog.length === 0 ? (
              <p className="text-ink-subtle">{t("callbacks.detail.noAttempts")}</p>
            ) : (
              <ol
                className="flex flex-col divide-y divide-line rounded-md border border-line"
                data-testid="delivery-attempts"
              >
                {d.attemptLog.map((a) => (
                  <li key={`${a.attempt}-${a.createdAt}`} className="flex flex-col gap-1 px-3 py-2.5">
                    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                      <span className="font-medium">{t("callbacks.detail.attempt", { n: a.attempt })}</span>
                      <span
                        className={
                          a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300
                            ? "font-mono text-xs text-success-ink"
                            : "font-mono text-xs text-danger-ink"
                        }
                      >
                        {a.statusCode ?? t("callbacks.detail.noAnswer")}
                      </span>
                      <span className="text-xs text-ink-subtle">
                        {a.latencyMs} ms · {dateTime(a.createdAt)}
                      </span>
                    </div>
                    {(a.error ?? a.responseExcerpt) && (
                      <div className="flex flex-col gap-0.5">
                        <span className="text-xs text-ink-subtle">{t("callbacks.detail.answer")}</span>
                        <code className="font-mono text-xs break-all whitespace-pre-wrap text-ink-muted">
                          {a.error ?? a.responseExcerpt}
                        </code>
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}
