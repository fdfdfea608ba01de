/**
 * The hosted boleto voucher (`next_action.boleto_display_details.hosted_voucher_url`): number,
 * amount and due date, plus a test-mode button that stands in for the buyer paying at a bank.
 */
import type { ServerResponse } from "node:http";
import type { EmulatorApp } from "../app";
import { payBoleto } from "../domain/boleto";
import { redirect, sendHtml } from "../http";
import type { Rec } from "../store";
import { date, esc, messagePage, money, shell } from "./layout";

export function boletoGet(app: EmulatorApp, res: ServerResponse, pi: Rec<"payment_intent">, pdf: boolean): void {
  const d = pi.obj.next_action?.boleto_display_details;
  if (!d) {
    const state = pi.obj.status === "succeeded" ? "This boleto was paid." : "This boleto is no longer payable.";
    return sendHtml(res, 410, messagePage("Boleto", state));
  }
  const paid = pi.x.boleto?.paidAt != null;
  const body = `<div class="wrap narrow"><div class="card" data-testid="boleto-voucher">
<h1>Boleto (test)${pdf ? " — PDF" : ""}</h1>
<p class="sub">Amount <strong>${esc(money(pi.obj.amount, pi.obj.currency, "pt-BR"))}</strong> · due ${esc(date(d.expires_at, "pt-BR"))}</p>
<p style="font-family:monospace;word-break:break-all" data-testid="boleto-number">${esc(d.number)}</p>
${
  paid
    ? `<p class="sub" data-testid="boleto-paid">Paid at the bank. Stripe confirms it on the next business day (advance the emulator clock by a day).</p>`
    : `<form method="post" action="/boleto/${esc(pi.id)}"><button class="btn" data-testid="boleto-pay">Pay this boleto (test)</button></form>`
}
</div></div>`;
  sendHtml(res, 200, shell("Boleto (test)", body));
}

export function boletoPost(app: EmulatorApp, res: ServerResponse, pi: Rec<"payment_intent">): void {
  if (pi.obj.next_action?.type === "boleto_display_details" && pi.x.boleto?.paidAt == null)
    payBoleto(app, pi, "next_day");
  app.persistSoon();
  redirect(res, `/boleto/${pi.id}`);
}
