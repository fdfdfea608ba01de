/** Hosted invoice page `/invoice/:id` (pay an open invoice) and the PDF at `/invoice/:id/pdf`. */
import type { ServerResponse } from "node:http";
import type { EmulatorApp } from "../app";
import { systemCtx } from "../context";
import { createCardPaymentMethod } from "../domain/payment-methods";
import { payInvoice } from "../domain/invoices";
import { invoiceDiscountRows } from "../domain/subscription-discounts";
import { StripeApiError } from "../errors";
import { redirect, sendHtml } from "../http";
import { renderInvoicePdf } from "../pdf";
import type { Rec } from "../store";
import { CARD_SCRIPT, cardFields, parseCardForm } from "./card-form";
import { date, esc, merchantHeader, money, shell } from "./layout";

function page(app: EmulatorApp, inv: Rec<"invoice">, opts: { error?: string; notice?: string } = {}): string {
  const o = inv.obj;
  const merchant = o.account_name ?? "Vitrine";
  const lines = o.lines.data
    .map(
      (l) =>
        `<li><div><div class="name">${esc(l.description)}</div><div class="qty">${date(l.period.start)} – ${date(l.period.end)}</div></div><div>${money(l.amount, l.currency)}</div></li>`,
    )
    .join("");
  const state =
    o.status === "paid"
      ? `<div class="success" data-testid="invoice-paid">Paid on ${date(o.status_transitions.paid_at)}.</div>`
      : o.status === "void"
        ? `<div class="notice">This invoice has been voided. Nothing is due.</div>`
        : o.status === "uncollectible"
          ? `<div class="error">This invoice was marked uncollectible.</div>`
          : "";
  const pay =
    o.status === "open"
      ? `<form method="post" action="/invoice/${esc(inv.id)}" data-busy="Processing…" novalidate><h2>Pay this invoice</h2>
${opts.error ? `<div class="error" role="alert" data-testid="invoice-error">${esc(opts.error)}</div>` : ""}${cardFields()}
<div style="margin-top:22px"><button class="btn" type="submit" data-testid="invoice-pay">Pay ${money(o.amount_remaining, o.currency)}</button></div></form>`
      : `${state}<a class="btn secondary" href="/invoice/${esc(inv.id)}/pdf" data-testid="invoice-pdf">Download invoice (PDF)</a>`;
  const summary = `${merchantHeader(merchant)}<p class="eyebrow">Invoice ${esc(o.number ?? o.id)}</p>
<div class="amount">${money(o.status === "paid" ? o.amount_paid : o.amount_remaining, o.currency)}</div>
<p class="sub">${o.status === "paid" ? "Paid" : o.status === "open" ? `Due ${date(o.due_date ?? o.created)}` : esc(o.status ?? "")}</p>
<dl class="kv" style="margin-top:20px"><dt>To</dt><dd>${esc(o.customer_email ?? o.customer_name ?? "")}</dd><dt>From</dt><dd>${esc(merchant)}</dd></dl>
<ul class="items">${lines}</ul>${invoiceDiscountRows(app, inv)
    .map(
      (d) =>
        `<div class="line discount"><span>${esc(d.label)}</span><span data-testid="invoice-discount">−${money(d.amount, o.currency)}</span></div>`,
    )
    .join("")}<div class="total"><span>Total</span><span>${money(o.total, o.currency)}</span></div>
${o.status === "open" ? `<p style="margin-top:16px"><a href="/invoice/${esc(inv.id)}/pdf">Download invoice (PDF)</a></p>` : ""}`;
  return shell(
    `Invoice ${o.number ?? o.id}`,
    `<div class="wrap"><div class="split"><div class="summary">${summary}</div><div class="pay">${opts.notice ? `<div class="notice">${esc(opts.notice)}</div>` : ""}${pay}</div></div></div>`,
    { script: CARD_SCRIPT },
  );
}

export function invoiceGet(app: EmulatorApp, res: ServerResponse, inv: Rec<"invoice">, url: URL): void {
  const failed = url.searchParams.get("redirect_status") === "failed";
  sendHtml(
    res,
    200,
    page(
      app,
      inv,
      failed
        ? {
            error:
              "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
          }
        : {},
    ),
  );
}

export function invoicePost(app: EmulatorApp, res: ServerResponse, inv: Rec<"invoice">, form: URLSearchParams): void {
  if (inv.obj.status !== "open") return redirect(res, `/invoice/${inv.id}`);
  const card = parseCardForm(form);
  if (typeof card === "string") return sendHtml(res, 402, page(app, inv, { error: card }));
  const ctx = systemCtx(app, inv.scope);
  try {
    const pm = createCardPaymentMethod(ctx, card, { name: form.get("name") || null });
    const result = payInvoice(ctx, inv, { pm, offSession: false, returnUrl: app.url(`/invoice/${inv.id}`) });
    if (result?.status === "failed") return sendHtml(res, 402, page(app, inv, { error: result.error.message }));
    const next =
      result?.status === "requires_action"
        ? app.store.find("payment_intent", inv.x.paymentIntent ?? "")?.obj.next_action?.redirect_to_url?.url
        : null;
    if (next) return redirect(res, next);
    app.persistSoon();
    redirect(res, `/invoice/${inv.id}`);
  } catch (err) {
    if (err instanceof StripeApiError) return sendHtml(res, 402, page(app, inv, { error: err.body.message }));
    throw err;
  }
}

export async function invoicePdf(app: EmulatorApp, res: ServerResponse, inv: Rec<"invoice">): Promise<void> {
  const pdf = await renderInvoicePdf(app, inv);
  res.writeHead(200, {
    "Content-Type": "application/pdf",
    "Content-Disposition": `inline; filename="invoice-${inv.obj.number ?? inv.id}.pdf"`,
    "Content-Length": pdf.length,
  });
  res.end(pdf);
}
