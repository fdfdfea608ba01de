import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code";
import { cn } from "@/components/ui/cn";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import type { InvoiceDocument } from "@/lib/invoices/document";
import type { InvoiceDetail } from "@/lib/invoices/views";
import { INVOICE_STATE_TONES, InvoiceStatusBadge } from "./invoice-status-badge";

function PartyBlock({ label, party }: { label: string; party: InvoiceDocument["from"] }) {
  return (
    <div className="min-w-0">
      <p className="text-xs font-medium tracking-wide text-ink-subtle uppercase">{label}</p>
      <p className="mt-1 font-medium break-words text-ink">{party.name}</p>
      {party.lines.map((line) => (
        <p key={line} className="text-sm break-words text-ink-muted">
          {line}
        </p>
      ))}
    </div>
  );
}

/** The invoice as the PDF prints it (same document model), for the seller's screen. */
export function InvoiceSummary({ doc }: { doc: InvoiceDocument }) {
  return (
    <Card>
      <CardHeader actions={<Badge tone={INVOICE_STATE_TONES[doc.stamp.key]}>{doc.stamp.label}</Badge>}>
        <CardTitle>
          {doc.title} <span className="font-mono text-sm font-medium text-ink-muted">{doc.number}</span>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        {doc.meta.length > 0 && (
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {doc.meta.map((m) => (
              <div key={m.label}>
                <dt className="text-xs text-ink-subtle">{m.label}</dt>
                <dd className="text-sm text-ink">{m.value}</dd>
              </div>
            ))}
          </dl>
        )}
        <div className="grid gap-6 border-t border-line pt-5 sm:grid-cols-2">
          <PartyBlock label={doc.fromLabel} party={doc.from} />
          <PartyBlock label={doc.toLabel} party={doc.to} />
        </div>
      </CardContent>
    </Card>
  );
}

export function InvoiceLines({ doc, t }: { doc: InvoiceDocument; t: TranslateFn }) {
  const head = "px-4 py-2 text-xs font-medium text-ink-muted first:pl-5 last:pr-5";
  const cell = "px-4 py-3 align-top first:pl-5 last:pr-5";
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>{t("invoices.detail.lines")}</CardTitle>
      </CardHeader>
      <div className="w-full overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <thead className="border-y border-line bg-surface">
            <tr>
              <th scope="col" className={head}>
                {doc.headers.description}
              </th>
              <th scope="col" className={cn(head, "text-right")}>
                {doc.headers.quantity}
              </th>
              <th scope="col" className={cn(head, "hidden text-right whitespace-nowrap sm:table-cell")}>
                {doc.headers.unitPrice}
              </th>
              {doc.showDiscountColumn && (
                <th scope="col" className={cn(head, "hidden text-right sm:table-cell")}>
                  {doc.headers.discount}
                </th>
              )}
              <th scope="col" className={cn(head, "text-right")}>
                {doc.headers.amount}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {doc.lines.map((l) => (
              <tr key={l.key}>
                <td className={cn(cell, "min-w-40 text-ink")}>
                  {l.description}
                  {l.period && <span className="block text-xs text-ink-subtle">{l.period}</span>}
                </td>
                <td className={cn(cell, "text-right tabular-nums")}>{l.quantity}</td>
                <td className={cn(cell, "hidden text-right whitespace-nowrap tabular-nums sm:table-cell")}>
                  {l.unitPrice}
                </td>
                {doc.showDiscountColumn && (
                  <td className={cn(cell, "hidden text-right whitespace-nowrap tabular-nums sm:table-cell")}>
                    {l.discount ?? ""}
                  </td>
                )}
                <td className={cn(cell, "text-right whitespace-nowrap tabular-nums")}>{l.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="ml-auto w-full max-w-sm space-y-1 border-t border-line px-5 py-4 text-sm sm:px-6">
        {doc.totals.map((row) => (
          <div key={row.label} className={cn("flex justify-between gap-4", row.strong && "font-semibold text-ink")}>
            <dt className={row.strong ? undefined : "text-ink-muted"}>{row.label}</dt>
            <dd className="tabular-nums whitespace-nowrap">{row.value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

export function CreditNotesCard({ invoice, t, locale }: { invoice: InvoiceDetail; t: TranslateFn; locale: Locale }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("invoices.detail.creditNotes")}</CardTitle>
      </CardHeader>
      <CardContent className="pt-0">
        {invoice.creditNotes.length === 0 ? (
          <p className="text-sm text-ink-subtle">{t("invoices.detail.noCreditNotes")}</p>
        ) : (
          <ul className="divide-y divide-line">
            {invoice.creditNotes.map((n) => (
              <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
                <Link
                  href={`/dashboard/invoices/${n.id}`}
                  className="font-mono text-xs font-medium text-brand-700 underline-offset-4 hover:underline"
                >
                  {n.number}
                </Link>
                <span className="text-ink-muted">{n.finalizedAt ? formatDate(n.finalizedAt, locale) : ""}</span>
                <span className="font-medium tabular-nums">{formatMoney(-n.total, n.currency, locale)}</span>
                <InvoiceStatusBadge invoice={n} t={t} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** The PIX QR code and copia e cola of an open BRL invoice. */
export function InvoicePixCard({
  pix,
  expiresAt,
  t,
  locale,
}: {
  pix: NonNullable<InvoiceDocument["pix"]>;
  expiresAt: Date | null;
  t: TranslateFn;
  locale: Locale;
}) {
  return (
    <Card className="border-brand-200">
      <CardHeader>
        <CardTitle>{pix.title}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 pt-0">
        <p className="text-sm text-ink-muted">{pix.help}</p>
        <img
          src={pix.qrPngDataUrl}
          alt={pix.title}
          width={220}
          height={220}
          className="mx-auto rounded-md border border-line bg-white"
        />
        <CodeBlock value={pix.brCode} label="Pix copia e cola" copyable />
        {pix.reference && <p className="text-xs text-ink-subtle">{pix.reference}</p>}
        {expiresAt && (
          <p className="text-xs text-ink-subtle">
            {t("invoices.detail.validUntil", { date: formatDateTime(expiresAt, locale) })}
          </p>
        )}
      </CardContent>
    </Card>
  );
}

export function PixUnavailable({ platform, t }: { platform: boolean; t: TranslateFn }) {
  return (
    <Alert tone="neutral">
      {platform ? t("invoices.detail.pixPlatformUnavailable") : t("invoices.detail.pixUnavailable")}
    </Alert>
  );
}
