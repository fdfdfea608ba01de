import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";

/** The state a reader cares about: overdue is an open invoice past its due date; a settled credit note is "refunded". */
export function invoiceState(i: { status: string; overdue: boolean; kind: string }): string {
  if (i.status === "open" && i.overdue) return "overdue";
  if (i.status === "paid" && i.kind === "credit_note") return "refunded";
  return i.status;
}

/** One tone per invoice state, for the list badge and the document's stamp alike. */
export const INVOICE_STATE_TONES: Record<string, BadgeTone> = {
  paid: "success",
  refunded: "info",
  open: "warning",
  overdue: "danger",
  uncollectible: "danger",
  void: "neutral",
  draft: "neutral",
};

export function InvoiceStatusBadge({
  invoice,
  t,
}: {
  invoice: { status: string; overdue: boolean; kind: string };
  t: TranslateFn;
}) {
  const state = invoiceState(invoice);
  return (
    <Badge tone={INVOICE_STATE_TONES[state] ?? "neutral"} dot>
      {state in INVOICE_STATE_TONES ? t(`invoices.status.${state}` as MessageKey) : state}
    </Badge>
  );
}
