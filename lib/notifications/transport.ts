// Outgoing mail: one nodemailer transporter for the process, on SMTP_URL (outside production, the
// local mail catcher when unset). Failures are classified for the retry schedule and described
// without the URL's credentials.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env/server";
import { describeFailure } from "./redact";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Our own Message-ID, derived from the outbox row. */
  messageId: string;
  headers: Record<string, string>;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
};

export type SendResult = { ok: true; providerId: string } | { ok: false; permanent: boolean; error: string };

let cached: { url: string; transporter: Transporter } | undefined;

/** SMTP_URL, or outside production the catcher `npm start` runs (MAIL_CATCHER_PORT). */
export function smtpUrl(): string {
  const config = env();
  if (config.SMTP_URL) return config.SMTP_URL;
  if (config.APP_ENV === "production") throw new Error("SMTP_URL is not set");
  return `smtp://127.0.0.1:${config.MAIL_CATCHER_PORT}`;
}

function transporter(url: string): Transporter {
  if (cached?.url === url) return cached.transporter;
  cached?.transporter.close();
  const created = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  cached = { url, transporter: created };
  return created;
}

/** The domain of MAIL_FROM, for our Message-IDs. */
export function mailDomain(): string {
  const from = env().MAIL_FROM;
  return from.match(/@([^>\s]+)/)?.[1] ?? "vitrine.local";
}

/** SMTP replies 5xx (a refused mailbox, a rejected message) will not change on a retry; connection and 4xx trouble may. */
function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export async function sendEmail(mail: OutgoingEmail): Promise<SendResult> {
  let url: string;
  try {
    url = smtpUrl();
  } catch (err) {
    return { ok: false, permanent: false, error: describeFailure(err) };
  }
  try {
    const info = await transporter(url).sendMail({
      from: env().MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.messageId,
      headers: mail.headers,
      attachments: mail.attachments,
    });
    return { ok: true, providerId: String(info.messageId ?? mail.messageId) };
  } catch (err) {
    return { ok: false, permanent: isPermanent(err), error: describeFailure(err, [url]) };
  }
}

/** Drops the cached transporter (tests switch SMTP_URL between catchers). */
export function resetMailTransport(): void {
  cached?.transporter.close();
  cached = undefined;
}
