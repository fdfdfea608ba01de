/**
 * 3-D Secure stand-in: `/authenticate/:intentId` is the `next_action` URL of a PaymentIntent or
 * SetupIntent that requires authentication. "Complete" or "Fail" resolves it, then the browser
 * returns to the integration's return_url (or the Stripe.js stand-in gets JSON back).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorApp } from "../app";
import { systemCtx } from "../context";
import { finishAuthentication } from "../domain/payments";
import { finishSetupAuthentication } from "../domain/setup-intents";
import { render } from "../expand";
import { redirect, sendHtml, sendJson } from "../http";
import { esc, messagePage, money, shell } from "./layout";

export function authenticationCard(o: {
  amount: string | null;
  merchant: string;
  action: string;
  clientSecret?: string;
}): string {
  const secret = o.clientSecret ? `<input type="hidden" name="client_secret" value="${esc(o.clientSecret)}">` : "";
  return `<div class="card center" data-testid="three-ds">
<div class="icon-lock"><svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/></svg></div>
<h1>3-D Secure authentication (test)</h1>
<p class="sub">${o.amount ? `Confirm the payment of <strong>${esc(o.amount)}</strong> to ${esc(o.merchant)}.` : `Confirm saving your card for ${esc(o.merchant)}.`}<br>Your bank would ask you to approve this. In test mode you choose the outcome.</p>
<form method="post" action="${esc(o.action)}" style="margin-top:24px">${secret}
<div class="btn-row"><button class="btn" name="result" value="complete" data-testid="3ds-complete">Complete</button><button class="btn danger" name="result" value="fail" data-testid="3ds-fail">Fail</button></div>
</form></div>`;
}

function intentOf(app: EmulatorApp, id: string) {
  return id.startsWith("seti_")
    ? { kind: "setup" as const, rec: app.store.find("setup_intent", id) }
    : { kind: "payment" as const, rec: app.store.find("payment_intent", id) };
}

export function authenticateGet(app: EmulatorApp, res: ServerResponse, id: string, url: URL): void {
  const { kind, rec } = intentOf(app, id);
  if (!rec || rec.obj.client_secret !== url.searchParams.get("client_secret"))
    return sendHtml(res, 404, messagePage("Authentication not found", "This authentication link is invalid."));
  if (rec.obj.status !== "requires_action")
    return sendHtml(
      res,
      409,
      messagePage("Nothing to authenticate", `This payment is ${rec.obj.status.replace(/_/g, " ")}.`),
    );
  const amount = kind === "payment" && "amount" in rec.obj ? money(rec.obj.amount, rec.obj.currency) : null;
  const merchant = rec.scope
    ? (app.store.find("account", rec.scope)?.obj.business_profile?.name ?? "the seller")
    : "Vitrine";
  const body = authenticationCard({
    amount,
    merchant,
    action: `/authenticate/${id}`,
    clientSecret: rec.obj.client_secret ?? "",
  });
  sendHtml(res, 200, shell("3-D Secure authentication (test)", `<div class="wrap narrow">${body}</div>`));
}

export function authenticatePost(
  app: EmulatorApp,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  form: URLSearchParams,
): void {
  const { kind, rec } = intentOf(app, id);
  const wantsJson = (req.headers.accept ?? "").includes("application/json");
  if (!rec || rec.obj.client_secret !== form.get("client_secret")) {
    return wantsJson
      ? sendJson(res, 404, {
          error: { type: "invalid_request_error", code: "resource_missing", message: `No such intent: '${id}'` },
        })
      : sendHtml(res, 404, messagePage("Authentication not found", "This authentication link is invalid."));
  }
  const success = form.get("result") === "complete";
  const ctx = systemCtx(app, rec.scope);
  const returnUrl = rec.obj.next_action?.redirect_to_url?.return_url ?? null;
  const result =
    kind === "payment"
      ? finishAuthentication(ctx, app.store.find("payment_intent", id)!, success)
      : finishSetupAuthentication(ctx, app.store.find("setup_intent", id)!, success);
  const obj = render(app, rec.scope, rec.obj);
  if (wantsJson)
    return sendJson(res, 200, {
      result: result.status,
      error: result.status === "failed" ? result.error : null,
      intent: obj,
    });
  if (!returnUrl)
    return sendHtml(
      res,
      200,
      messagePage(success ? "Authentication complete" : "Authentication failed", "You can close this window.", {
        kind: success ? "ok" : "warn",
      }),
    );
  const target = new URL(returnUrl);
  const prefix = kind === "payment" ? "payment_intent" : "setup_intent";
  target.searchParams.set(prefix, id);
  target.searchParams.set(`${prefix}_client_secret`, rec.obj.client_secret ?? "");
  target.searchParams.set("redirect_status", result.status === "succeeded" ? "succeeded" : "failed");
  redirect(res, target.toString());
}
