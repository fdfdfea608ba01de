"use client";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { CallbackStatusName } from "@/lib/callbacks/event-types";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DeliverySubjectLink } from "./delivery-subject";
import { eventLabelKey, type DeliveryRow } from "./types";

const tones: Record<CallbackStatusName, BadgeTone> = {
  PENDING: "warning",
  DELIVERING: "info",
  SUCCEEDED: "success",
  FAILED: "danger",
  CANCELED: "neutral",
};

export function DeliveryStatusBadge({ status }: { status: CallbackStatusName }) {
  const { t } = useI18n();
  return (
    <Badge tone={tones[status]} dot data-testid="delivery-status">
      {t(`callbacks.log.statuses.${status}` as MessageKey)}
    </Badge>
  );
}

/** Event label, event id and when it was created. */
export function DeliveryEvent({ delivery }: { delivery: DeliveryRow }) {
  const { t, dateTime } = useI18n();
  return (
    <span className="flex min-w-0 flex-col gap-0.5">
      <span className="font-medium">{t(eventLabelKey(delivery.eventType))}</span>
      <DeliverySubjectLink subject={delivery.subject} />
      <code className="font-mono text-xs break-all text-ink-subtle" data-testid="delivery-event-id">
        {delivery.eventId}
      </code>
      <span className="text-xs text-ink-subtle">{dateTime(delivery.createdAt)}</span>
    </span>
  );
}

/** The error, else the start of the store's answer. */
export function DeliveryResponse({ delivery, className }: { delivery: DeliveryRow; className?: string }) {
  const text = delivery.lastError ?? delivery.lastResponseExcerpt;
  if (!text) return <span className="text-ink-subtle">—</span>;
  return (
    <span className={`line-clamp-2 font-mono text-xs break-all text-ink-muted ${className ?? ""}`} title={text}>
      {text}
    </span>
  );
}

/** Phones: one stacked item per delivery instead of a wide table. */
export function DeliveryItem({ delivery, action }: { delivery: DeliveryRow; action: React.ReactNode }) {
  const { t, dateTime } = useI18n();
  const facts: [string, React.ReactNode][] = [
    [t("callbacks.log.attempts"), delivery.attempts],
    [t("callbacks.log.lastCode"), delivery.lastStatusCode ?? "—"],
    [t("callbacks.log.latency"), delivery.lastLatencyMs === null ? "—" : `${delivery.lastLatencyMs} ms`],
  ];
  return (
    <li className="flex flex-col gap-2 px-5 py-4" data-testid="delivery-item">
      <div className="flex items-start justify-between gap-3">
        <DeliveryEvent delivery={delivery} />
        <DeliveryStatusBadge status={delivery.status} />
      </div>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-[13px]">
        {facts.map(([label, value]) => (
          <div key={label} className="flex gap-1.5">
            <dt className="text-ink-subtle">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
        {delivery.status === "PENDING" && (
          <div className="flex gap-1.5">
            <dt className="text-ink-subtle">{t("callbacks.log.nextRetry")}</dt>
            <dd>{dateTime(delivery.nextAttemptAt)}</dd>
          </div>
        )}
      </dl>
      <DeliveryResponse delivery={delivery} />
      {action && <div className="flex justify-end">{action}</div>}
    </li>
  );
}
