import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { ActivityIcon } from "@/components/ui/icons";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import type { PaymentRow } from "@/lib/payments/list";
import { PaymentStatusBadge } from "./payment-status-badge";

type Props = { rows: PaymentRow[]; filtered: boolean; t: TranslateFn; locale: Locale; timeZone: string };

/**
 * Desktop: a table that fits a 1366 px screen beside the sidebar (long buyer emails and product
 * names are cut with an ellipsis, the full text in the title). Phone: one card per payment with
 * amount, status, buyer and date, never a sideways scroll.
 */
export function PaymentsList({ rows, filtered, t, locale, timeZone }: Props) {
  if (rows.length === 0)
    return (
      <EmptyState
        icon={<ActivityIcon />}
        title={filtered ? t("payments.empty.filteredTitle") : t("payments.empty.title")}
        description={filtered ? t("payments.empty.filteredBody") : t("payments.empty.body")}
      />
    );
  const when = (d: Date) => formatDateTime(d, locale, timeZone);
  const money = (r: PaymentRow) => formatMoney(r.amount, r.currency, locale);
  const method = (r: PaymentRow) =>
    r.paidWith === "pix"
      ? t("payments.methods.pix")
      : `${r.paidWith === "boleto" ? t("checkout.methods.boleto") : t("payments.methods.card")} · ${t(`payments.channels.${r.channel}`)}`;
  const refunded = (r: PaymentRow) =>
    r.amountRefunded && r.status === "partially_refunded"
      ? t("payments.refundedAmount", { amount: formatMoney(r.amountRefunded, r.currency, locale) })
      : null;
  const href = (r: PaymentRow) => `/dashboard/payments/${r.id}`;

  return (
    <>
      <div className="hidden overflow-hidden rounded-lg border border-line bg-surface-raised md:block">
        <Table className="table-fixed" data-testid="payments-table">
          <TableCaption>{t("payments.title")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead className="w-[12.5rem]">{t("payments.columns.date")}</TableHead>
              <TableHead>{t("payments.columns.buyer")}</TableHead>
              <TableHead className="hidden lg:table-cell">{t("payments.columns.description")}</TableHead>
              <TableHead className="w-[11rem]">{t("payments.columns.status")}</TableHead>
              <TableHead className="w-[10rem]" align="right">
                {t("payments.columns.amount")}
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} data-testid="payment-row" data-payment-id={r.id}>
                <TableCell>
                  <Link href={href(r)} className="text-brand-700 tabular-nums hover:underline">
                    {when(r.createdAt)}
                  </Link>
                  <span className="block truncate text-xs text-ink-muted">{method(r)}</span>
                </TableCell>
                <TableCell className="truncate" title={r.buyerEmail ?? undefined}>
                  {r.buyerEmail ?? <span className="text-ink-subtle">{t("payments.noBuyer")}</span>}
                  {r.buyerName && <span className="block truncate text-xs text-ink-muted">{r.buyerName}</span>}
                </TableCell>
                <TableCell className="hidden truncate lg:table-cell" title={r.description}>
                  {r.description}
                  {r.externalOrderId && (
                    <span className="block truncate font-mono text-xs text-ink-muted">{r.externalOrderId}</span>
                  )}
                </TableCell>
                <TableCell>
                  <PaymentStatusBadge status={r.status} label={t(`payments.statuses.${r.status}`)} />
                </TableCell>
                <TableCell align="right">
                  <span className="font-medium tabular-nums">{money(r)}</span>
                  {refunded(r) && <span className="block text-xs whitespace-normal text-ink-muted">{refunded(r)}</span>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <ul className="space-y-2 md:hidden" data-testid="payments-cards">
        {rows.map((r) => (
          <li key={r.id} data-testid="payment-card" data-payment-id={r.id}>
            <Link
              href={href(r)}
              className="block rounded-lg border border-line bg-surface-raised px-4 py-3 transition-colors hover:bg-surface"
            >
              <span className="flex items-center justify-between gap-3">
                <span className="text-base font-semibold tabular-nums">{money(r)}</span>
                <PaymentStatusBadge status={r.status} label={t(`payments.statuses.${r.status}`)} />
              </span>
              <span className="mt-1 block truncate text-sm">
                {r.buyerEmail ?? r.buyerName ?? <span className="text-ink-subtle">{t("payments.noBuyer")}</span>}
              </span>
              <span className="mt-0.5 block truncate text-xs text-ink-muted">
                {r.description} · {method(r)}
              </span>
              <span className="mt-0.5 flex justify-between gap-2 text-xs text-ink-subtle">
                <span className="tabular-nums">{when(r.createdAt)}</span>
                {refunded(r) && <span>{refunded(r)}</span>}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
