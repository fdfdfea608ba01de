// Turns an outbox row into what goes out: the email (subject, HTML and plain text from the React
// template) or the Slack text. Both come from the same content (content.ts) in the row's locale.
import "server-only";
import { render } from "@react-email/render";
import { createElement } from "react";
import type { Locale } from "@/lib/i18n/config";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { buildContent, preferencesUrl, type MessageContent, type MessageContext } from "./content";
import type { NotificationEvent } from "./events";
import { parsePayload } from "./payloads";
import { NotificationEmail } from "./templates/email";

export type RenderTarget = {
  event: NotificationEvent;
  payload: unknown;
  locale: Locale;
  storeName: string | null;
  /** null: a platform message to the admins. */
  storeId: string | null;
  appUrl: string;
};

export type RenderedEmail = { subject: string; html: string; text: string };

function contextOf(target: RenderTarget): MessageContext {
  return {
    locale: target.locale,
    storeName: target.storeName,
    audience: target.storeId ? "store" : "platform",
    appUrl: target.appUrl,
  };
}

export function contentOf(target: RenderTarget): MessageContent {
  return buildContent(target.event, parsePayload(target.event, target.payload), contextOf(target));
}

export async function renderEmail(target: RenderTarget): Promise<RenderedEmail> {
  const ctx = contextOf(target);
  const content = buildContent(target.event, parsePayload(target.event, target.payload), ctx);
  const t = createTranslator(target.locale);
  const e = (key: string, vars?: Record<string, string>) => t(`notifications.email.${key}` as MessageKey, vars);
  const why =
    target.event === "password_changed"
      ? e("footerAccount")
      : target.event === "buyer_portal_link"
        ? e("footerBuyer", { store: target.storeName ?? "Vitrine" })
        : target.event === "boleto_issued"
          ? e("footerBoleto", { store: target.storeName ?? "Vitrine" })
          : target.event === "order_receipt"
            ? e("footerReceipt", { store: target.storeName ?? "Vitrine" })
            : ctx.audience === "platform"
              ? e("footerPlatform")
              : e("footerStore", { store: target.storeName ?? "Vitrine" });
  const element = createElement(NotificationEmail, {
    lang: target.locale,
    content,
    contextLine:
      ctx.audience === "platform"
        ? target.storeName
          ? e("storeLine", { store: target.storeName })
          : e("platformLine")
        : e("storeLine", { store: target.storeName ?? "" }),
    footer: {
      why,
      manageLabel:
        target.event === "buyer_portal_link" || target.event === "order_receipt" || target.event === "boleto_issued"
          ? e("viewReceipt")
          : e("manage"),
      manageUrl:
        target.event === "password_changed"
          ? `${target.appUrl}/dashboard/settings`
          : target.event === "buyer_portal_link"
            ? (target.payload as { receiptUrl: string }).receiptUrl
            : target.event === "order_receipt"
              ? // A buyer has no preferences page: the footer links the receipt (its page, or the app).
                (content.action?.url ?? target.appUrl)
              : target.event === "boleto_issued"
                ? `${target.appUrl}/receipt/${(target.payload as { orderId: string }).orderId}`
                : preferencesUrl(ctx),
      automatic: e("automatic"),
      tagline: e("tagline"),
    },
    pix: content.pix ? { title: e("pixTitle"), hint: e("pixHint") } : null,
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: content.subject, html, text };
}

const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack mrkdwn: a bold heading with the store, the first paragraph, the facts, the link, the PIX code. */
export function renderSlack(target: RenderTarget): string {
  const content = contentOf(target);
  const lines = [
    `*${slackEscape(content.heading)}*${target.storeName ? ` · ${slackEscape(target.storeName)}` : ""}`,
    ...content.paragraphs.slice(0, 2).map(slackEscape),
    ...content.facts.map((f) => `• ${slackEscape(f.label)}: ${slackEscape(f.value)}`),
    ...(content.action ? [`<${content.action.url}|${slackEscape(content.action.label)}>`] : []),
    ...(content.pix ? [`\`\`\`${content.pix}\`\`\``] : []),
  ];
  return lines.join("\n");
}
