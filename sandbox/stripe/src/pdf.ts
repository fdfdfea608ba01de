/** A real invoice PDF (`invoice_pdf`), rendered with @react-pdf/renderer and the built-in Helvetica. */
import { createElement as h } from "react";
import type { EmulatorApp } from "./app";
import { invoiceDiscountRows } from "./domain/subscription-discounts";
import type { Rec } from "./store";
import { formatMoney } from "@/lib/money";

// @react-pdf/renderer is ESM-only; a dynamic import keeps the emulator loadable from CommonJS (tsx without "type": "module").
const loadRenderer = () => import("@react-pdf/renderer");

const styles = {
  page: { padding: 48, fontFamily: "Helvetica", fontSize: 10, color: "#1a1f36" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 28 },
  title: { fontSize: 22, fontFamily: "Helvetica-Bold" },
  badge: { fontSize: 8, color: "#a04b00", marginTop: 4 },
  muted: { color: "#697386" },
  meta: { flexDirection: "row", marginBottom: 24 },
  metaCol: { width: "50%" },
  label: { color: "#697386", fontSize: 8, textTransform: "uppercase", marginBottom: 3 },
  strong: { fontFamily: "Helvetica-Bold" },
  amountDue: { fontSize: 16, fontFamily: "Helvetica-Bold", marginBottom: 20 },
  row: { flexDirection: "row", paddingVertical: 7, borderBottomWidth: 1, borderBottomColor: "#eef0f4" },
  head: { flexDirection: "row", paddingBottom: 6, borderBottomWidth: 1, borderBottomColor: "#c1c9d2" },
  desc: { width: "55%" },
  qty: { width: "15%", textAlign: "right" },
  amt: { width: "30%", textAlign: "right" },
  totals: { marginTop: 14, marginLeft: "50%" },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 3 },
  footer: { position: "absolute", bottom: 36, left: 48, right: 48, color: "#8792a2", fontSize: 8, textAlign: "center" },
} as const;

const money = (amount: number, currency: string) => formatMoney(amount, currency, "en-US");
const day = (ts: number | null) =>
  ts ? new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(ts * 1000)) : "—";

export async function renderInvoicePdf(app: EmulatorApp, inv: Rec<"invoice">): Promise<Buffer> {
  const { Document, Page, Text, View, renderToBuffer } = await loadRenderer();
  const o = inv.obj;
  const status =
    o.status === "paid" ? `Paid ${day(o.status_transitions.paid_at)}` : (o.status ?? "draft").toUpperCase();
  const line = (l: (typeof o.lines.data)[number]) =>
    h(View, { style: styles.row, key: l.id }, [
      h(View, { style: styles.desc, key: "d" }, [
        h(Text, { key: "t" }, l.description ?? ""),
        h(Text, { style: styles.muted, key: "p" }, `${day(l.period.start)} – ${day(l.period.end)}`),
      ]),
      h(Text, { style: styles.qty, key: "q" }, String(l.quantity ?? 1)),
      h(Text, { style: styles.amt, key: "a" }, money(l.amount, l.currency)),
    ]);
  const totalRow = (label: string, value: string, bold = false) =>
    h(View, { style: styles.totalRow, key: label }, [
      h(Text, { style: bold ? styles.strong : {}, key: "l" }, label),
      h(Text, { style: bold ? styles.strong : {}, key: "v" }, value),
    ]);
  const doc = h(
    Document,
    { title: `Invoice ${o.number ?? o.id}`, author: o.account_name ?? "Vitrine" },
    h(Page, { size: "A4", style: styles.page }, [
      h(View, { style: styles.header, key: "h" }, [
        h(View, { key: "l" }, [
          h(Text, { style: styles.title, key: "t" }, "Invoice"),
          h(Text, { style: styles.badge, key: "b" }, "TEST MODE — Vitrine Stripe emulator"),
        ]),
        h(View, { key: "r" }, [
          h(Text, { style: styles.strong, key: "n" }, o.account_name ?? "Vitrine"),
          h(Text, { style: styles.muted, key: "s" }, status),
        ]),
      ]),
      h(View, { style: styles.meta, key: "m" }, [
        h(View, { style: styles.metaCol, key: "a" }, [
          h(Text, { style: styles.label, key: "l1" }, "Invoice number"),
          h(Text, { key: "v1" }, o.number ?? o.id),
          h(Text, { style: { ...styles.label, marginTop: 8 }, key: "l2" }, "Date of issue"),
          h(Text, { key: "v2" }, day(o.status_transitions.finalized_at ?? o.created)),
        ]),
        h(View, { style: styles.metaCol, key: "b" }, [
          h(Text, { style: styles.label, key: "l1" }, "Bill to"),
          h(Text, { key: "v1" }, o.customer_name ?? ""),
          h(Text, { key: "v2" }, o.customer_email ?? ""),
        ]),
      ]),
      h(
        Text,
        { style: styles.amountDue, key: "due" },
        o.status === "paid"
          ? `${money(o.amount_paid, o.currency)} paid ${day(o.status_transitions.paid_at)}`
          : `${money(o.amount_remaining, o.currency)} due`,
      ),
      h(View, { style: styles.head, key: "th" }, [
        h(Text, { style: { ...styles.desc, ...styles.label }, key: "d" }, "Description"),
        h(Text, { style: { ...styles.qty, ...styles.label }, key: "q" }, "Qty"),
        h(Text, { style: { ...styles.amt, ...styles.label }, key: "a" }, "Amount"),
      ]),
      ...o.lines.data.map(line),
      h(View, { style: styles.totals, key: "tot" }, [
        totalRow("Subtotal", money(o.subtotal, o.currency)),
        ...invoiceDiscountRows(app, inv).map((d) => totalRow(d.label, `−${money(d.amount, o.currency)}`)),
        totalRow("Total", money(o.total, o.currency)),
        totalRow("Amount paid", money(o.amount_paid, o.currency)),
        totalRow("Amount remaining", money(o.amount_remaining, o.currency), true),
      ]),
      h(
        Text,
        { style: styles.footer, key: "f", fixed: true },
        `${o.number ?? o.id} · ${app.url(`/invoice/${o.id}`)} · simulated invoice, no real payment`,
      ),
    ]),
  );
  return renderToBuffer(doc);
}
