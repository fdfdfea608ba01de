import { DeliveryStatusBadge } from "@/components/callbacks/delivery-status";
import { eventLabelKey } from "@/components/callbacks/types";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import type { TimelineEvent } from "@/lib/payments/detail";

type Props = { events: TimelineEvent[]; currency: string; t: TranslateFn; locale: Locale; timeZone: string };

const DOT: Record<TimelineEvent["kind"], string> = {
  created: "bg-ink-subtle",
  attempt_failed: "bg-danger",
  gateway_attempt: "bg-ink-subtle",
  paid: "bg-success",
  expired: "bg-ink-subtle",
  refund: "bg-warning",
  dispute: "bg-danger",
  callback: "bg-brand-600",
};

const REFUND_STATUSES = new Set([
  "requested",
  "pending",
  "requires_action",
  "succeeded",
  "refunded",
  "failed",
  "canceled",
]);

/** Events carry no id of their own: kind, time and what tells two of a kind apart at one instant. */
function eventKey(e: TimelineEvent): string {
  if (e.kind === "callback") return e.deliveryId;
  const extra = "amount" in e ? e.amount : "gateway" in e ? e.gateway : "";
  return `${e.kind}-${e.at.getTime()}-${extra}`;
}

/** The payment's story, oldest first: one line per event, callbacks with their delivery outcome. */
export function PaymentTimeline({ events, currency, t, locale, timeZone }: Props) {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const line = (e: TimelineEvent): { title: string; detail?: string; badge?: React.ReactNode } => {
    switch (e.kind) {
      case "created":
        return { title: t("payments.detail.events.created") };
      case "attempt_failed":
        return {
          title: t("payments.detail.events.attempt_failed"),
          detail: [e.code && t("payments.detail.events.declineCode", { code: e.code }), e.message]
            .filter(Boolean)
            .join(" · "),
        };
      case "gateway_attempt":
        return {
          title: e.ok
            ? t("payments.detail.events.gateway_ok", { gateway: e.gateway })
            : t("payments.detail.events.gateway_failed", { gateway: e.gateway }),
          detail: e.code ?? undefined,
        };
      case "paid":
        return { title: t("payments.detail.events.paid", { amount: money(e.amount) }) };
      case "expired":
        return { title: t("payments.detail.events.expired") };
      case "refund":
        return {
          title: t("payments.detail.events.refund", { amount: money(e.amount) }),
          badge: (
            <Badge
              tone={
                e.status === "failed"
                  ? "danger"
                  : e.status === "succeeded" || e.status === "refunded"
                    ? "success"
                    : "info"
              }
              dot
              data-testid="timeline-refund-status"
              data-status={e.status}
            >
              {REFUND_STATUSES.has(e.status) ? t(`payments.detail.refundStatuses.${e.status}` as MessageKey) : e.status}
            </Badge>
          ),
        };
      case "dispute":
        return {
          title: t("payments.detail.events.dispute", { amount: money(e.amount) }),
          detail: [t("payments.detail.events.disputeStatus", { status: e.status }), e.reason]
            .filter(Boolean)
            .join(" · "),
        };
      case "callback":
        return {
          title: t("payments.detail.events.callback", { event: t(eventLabelKey(e.eventType)) }),
          detail: [
            e.lastStatusCode ? t("payments.detail.events.callbackCode", { code: e.lastStatusCode }) : null,
            e.attempts > 1 ? t("payments.detail.events.callbackAttempts", { n: e.attempts }) : null,
          ]
            .filter(Boolean)
            .join(" · "),
          badge: <DeliveryStatusBadge status={e.status} />,
        };
    }
  };
  return (
    <ol className="relative space-y-4 border-l border-line pl-5" data-testid="payment-timeline">
      {events.map((e) => {
        const { title, detail, badge } = line(e);
        return (
          <li
            key={eventKey(e)}
            className="relative"
            data-testid="timeline-event"
            data-kind={e.kind}
            data-event-type={e.kind === "callback" ? e.eventType : undefined}
          >
            <span
              className={cn(
                "absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full ring-4 ring-surface-raised",
                DOT[e.kind],
              )}
              aria-hidden
            />
            <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <span className="min-w-0 text-sm font-medium break-words">{title}</span>
              {badge}
            </div>
            <div className="text-xs text-ink-subtle">
              <time dateTime={e.at.toISOString()} className="tabular-nums">
                {formatDateTime(e.at, locale, timeZone)}
              </time>
              {detail ? ` · ${detail}` : ""}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
