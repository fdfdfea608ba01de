"use client";
import Link from "next/link";
import { useI18n } from "@/lib/i18n/client";
import type { DeliverySubject } from "@/lib/callbacks/delivery-subject";
import { paymentHref } from "./types";

/** "Order PED-77" / "PIX charge …" linking to the payment, or "Test event". */
export function DeliverySubjectLink({ subject }: { subject: DeliverySubject | undefined }) {
  const { t } = useI18n();
  if (!subject) return null;
  if (subject.kind === "test")
    return (
      <span className="text-xs text-ink-subtle" data-testid="delivery-subject">
        {t("callbacks.subject.test")}
      </span>
    );
  const shown = subject.storeOrderId ?? subject.id;
  const label =
    subject.kind === "order"
      ? t("callbacks.subject.order", { id: shown })
      : t("callbacks.subject.pixCharge", { id: shown });
  return (
    <Link
      href={paymentHref(subject.id)}
      className="text-xs font-medium break-all text-brand-700 underline-offset-2 hover:underline"
      data-testid="delivery-subject"
      title={t("callbacks.subject.open")}
    >
      {label}
    </Link>
  );
}
