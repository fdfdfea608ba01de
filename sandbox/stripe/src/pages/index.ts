/** Hosted pages served by the emulator (their URLs are the `url` fields of Stripe objects). */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorApp } from "../app";
import { sendHtml } from "../http";
import { authenticateGet, authenticatePost } from "./authenticate";
import { boletoGet, boletoPost } from "./boleto";
import { checkoutAuthGet, checkoutAuthPost, checkoutGet, checkoutPost, checkoutPromotionCodePost } from "./checkout";
import { expressGet, onboardGet, onboardPost } from "./connect";
import { invoiceGet, invoicePdf, invoicePost } from "./invoice";
import { messagePage } from "./layout";
import { portalGet, portalPost } from "./portal";

const notFound = (res: ServerResponse, what: string) =>
  sendHtml(res, 404, messagePage(`${what} not found`, "The link you followed is invalid."));

export async function handlePage(
  app: EmulatorApp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
): Promise<boolean> {
  const post = req.method === "POST";
  const form = new URLSearchParams(body);
  const [, section, id, sub] = url.pathname.split("/").map(decodeURIComponent);
  switch (section) {
    case "checkout": {
      const s = app.store.find("checkout_session", id ?? "");
      if (!s) return (notFound(res, "Checkout session"), true);
      if (sub === "authenticate")
        post
          ? checkoutAuthPost(app, res, s, url.searchParams.get("payment_intent") ?? "", form)
          : checkoutAuthGet(app, res, s, url.searchParams.get("payment_intent") ?? "");
      else if (sub === "promotion_code" && post) checkoutPromotionCodePost(app, res, s, form);
      else post ? checkoutPost(app, res, s, form) : checkoutGet(app, res, s);
      return true;
    }
    case "authenticate":
      post ? authenticatePost(app, req, res, id ?? "", form) : authenticateGet(app, res, id ?? "", url);
      return true;
    case "onboard":
      post ? onboardPost(app, res, id ?? "", form) : onboardGet(app, res, id ?? "");
      return true;
    case "express":
      expressGet(app, res, id ?? "");
      return true;
    case "portal": {
      const session = app.store.find("portal_session", id ?? "");
      if (!session) return (notFound(res, "Billing portal session"), true);
      post ? portalPost(app, res, session, form) : portalGet(app, res, session, url);
      return true;
    }
    case "boleto": {
      const pi = app.store.find("payment_intent", id ?? "");
      if (!pi) return (notFound(res, "Boleto"), true);
      post ? boletoPost(app, res, pi) : boletoGet(app, res, pi, sub === "pdf");
      return true;
    }
    case "invoice": {
      const inv = app.store.find("invoice", id ?? "");
      if (!inv || inv.obj.status === "draft") return (notFound(res, "Invoice"), true);
      if (sub === "pdf") await invoicePdf(app, res, inv);
      else post ? invoicePost(app, res, inv, form) : invoiceGet(app, res, inv, url);
      return true;
    }
    default:
      return false;
  }
}
