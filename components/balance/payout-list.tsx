// The payouts, newest first; each opens onto the balance transactions it paid out.
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BalanceTransactionView, PayoutView } from "@/lib/balance/types";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import { PAYOUT_TONE, payoutFailureLabel, payoutStatusLabel, transactionTypeLabel } from "./labels";

type Props = { payouts: PayoutView[]; hasMore: boolean; t: TranslateFn; locale: Locale };

function Transactions({ rows, t, locale }: { rows: BalanceTransactionView[]; t: TranslateFn; locale: Locale }) {
  return (
    <Table className="text-xs">
      <TableHeader>
        <TableRow>
          <TableHead>{t("balance.txn.type")}</TableHead>
          <TableHead className="hidden sm:table-cell">{t("balance.txn.source")}</TableHead>
          <TableHead align="right">{t("balance.txn.gross")}</TableHead>
          <TableHead align="right">{t("balance.txn.fee")}</TableHead>
          <TableHead align="right">{t("balance.txn.net")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="payout-transaction">
            <TableCell>{transactionTypeLabel(t, row.type)}</TableCell>
            <TableCell className="hidden font-mono text-ink-muted sm:table-cell">{row.source}</TableCell>
            <TableCell align="right">{formatMoney(row.amount, row.currency, locale)}</TableCell>
            <TableCell align="right">{row.fee ? formatMoney(-row.fee, row.currency, locale) : "—"}</TableCell>
            <TableCell align="right" className="font-medium">
              {formatMoney(row.net, row.currency, locale)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function PayoutItem({ payout, t, locale }: { payout: PayoutView; t: TranslateFn; locale: Locale }) {
  const arrival = formatDate(payout.arrivalDate, locale, "UTC");
  const txns = payout.transactions;
  return (
    <li className="px-5 py-4" data-testid="payout" data-payout-id={payout.id} data-status={payout.status}>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <div className="flex items-center gap-2">
          <span className="text-base font-semibold text-ink tabular-nums">
            {formatMoney(payout.amount, payout.currency, locale)}
          </span>
          <Badge tone={PAYOUT_TONE[payout.status] ?? "neutral"} dot>
            {payoutStatusLabel(t, payout.status)}
          </Badge>
        </div>
        {payout.status !== "failed" && payout.status !== "canceled" && (
          <span className="text-sm text-ink-muted">
            {t(payout.status === "paid" ? "balance.payouts.arrived" : "balance.payouts.arrival", { date: arrival })}
          </span>
        )}
      </div>
      <p className="mt-1 text-xs text-ink-muted">
        {t("balance.payouts.created", { date: formatDate(payout.createdAt, locale, "UTC") })} ·{" "}
        {t(payout.automatic ? "balance.payouts.automatic" : "balance.payouts.manual")}
      </p>
      {payout.status === "failed" && (
        <p className="mt-2 text-sm text-danger-ink">
          <strong>{t("balance.payouts.failedTitle")}:</strong> {payoutFailureLabel(t, payout.failureCode)}{" "}
          {t("balance.payouts.failedBody")}
        </p>
      )}
      {txns === null ? (
        <p className="mt-2 text-xs text-ink-subtle">{t("balance.payouts.notItemised")}</p>
      ) : (
        txns.length > 0 && (
          <details className="mt-2">
            <summary className="cursor-pointer text-sm text-brand-700 hover:underline">
              {txns.length === 1
                ? t("balance.payouts.oneTransaction")
                : t("balance.payouts.transactions", { count: txns.length })}
            </summary>
            <div className="mt-2 rounded-md border border-line">
              <Transactions rows={txns} t={t} locale={locale} />
            </div>
          </details>
        )
      )}
    </li>
  );
}

export function PayoutList({ payouts, hasMore, t, locale }: Props) {
  if (payouts.length === 0) return <p className="px-5 py-6 text-sm text-ink-muted">{t("balance.payouts.empty")}</p>;
  return (
    <>
      <ul className="divide-y divide-line" data-testid="payouts">
        {payouts.map((p) => (
          <PayoutItem key={p.id} payout={p} t={t} locale={locale} />
        ))}
      </ul>
      {hasMore && <p className="border-t border-line px-5 py-3 text-xs text-ink-muted">{t("balance.payouts.more")}</p>}
    </>
  );
}
