// Slack incoming webhooks: where a store's URL may point, how it is kept (encrypted, bound to the
// store) and shown (masked), and the one POST that sends a message.
import "server-only";
import { IncomingWebhook, IncomingWebhookHTTPError, IncomingWebhookRequestError } from "@slack/webhook";
import { decryptJson, encryptJson } from "@/lib/crypto/encryption";
import { env } from "@/lib/env/server";
import { AppError } from "@/lib/errors";
import { describeFailure } from "./redact";
import type { SendResult } from "./transport";

const SLACK_HOSTS = new Set(["hooks.slack.com", "hooks.slack-gov.com"]);
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const TIMEOUT_MS = 10_000;

/**
 * A store's webhook must be Slack's own (https, hooks.slack.com/services/…): the app POSTs to it
 * from the server, so any other host would be a way to make us call arbitrary addresses. Outside
 * production a loopback URL is accepted too, for the demo and the tests' local receiver.
 */
export function assertSlackWebhookUrl(raw: string): string {
  const invalid = (message: string) => new AppError("validation_failed", `url: ${message}`, { param: "url" });
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid("Enter the full webhook URL, starting with https://hooks.slack.com/services/.");
  }
  if (url.username || url.password) throw invalid("The URL must not contain a user name or password.");
  const slack = url.protocol === "https:" && SLACK_HOSTS.has(url.hostname) && url.pathname.startsWith("/services/");
  const local =
    env().APP_ENV !== "production" &&
    (url.protocol === "http:" || url.protocol === "https:") &&
    LOCAL_HOSTS.has(url.hostname);
  if (!slack && !local) throw invalid("Use a Slack incoming-webhook URL (https://hooks.slack.com/services/…).");
  return url.toString();
}

const contextOf = (storeId: string) => `notification-settings:${storeId}:slack`;

export function sealSlackWebhook(storeId: string, url: string): string {
  return encryptJson(url, { context: contextOf(storeId) });
}

export function openSlackWebhook(storeId: string, sealed: string): string {
  return decryptJson<string>(sealed, { context: contextOf(storeId) });
}

/** `https://hooks.slack.com/services/••••••••wxyz`: recognisable, never usable. */
export function maskSlackWebhook(url: string): string {
  try {
    const u = new URL(url);
    const tail = u.pathname.replace(/\/$/, "").slice(-4);
    const prefix = u.pathname.startsWith("/services/") ? "/services/" : "/";
    return `${u.protocol}//${u.host}${prefix}••••••••${tail}`;
  } catch {
    return "••••••••";
  }
}

/** Slack answers 4xx for a webhook that is gone or refused (no_service, invalid_token, channel_not_found): retrying will not help. 429 and 5xx may. */
function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export async function postToSlack(url: string, text: string): Promise<SendResult> {
  try {
    const hook = new IncomingWebhook(url, { timeout: TIMEOUT_MS });
    const result = await hook.send({ text, unfurl_links: false, unfurl_media: false });
    return { ok: true, providerId: `slack:${result.text || "ok"}` };
  } catch (err) {
    if (err instanceof IncomingWebhookHTTPError)
      return {
        ok: false,
        permanent: isPermanentStatus(err.statusCode),
        error: describeFailure(new Error(`Slack answered HTTP ${err.statusCode}: ${err.body.slice(0, 200)}`), [url]),
      };
    // A network failure: name its cause (ECONNREFUSED, a timeout), not the library's wrapper.
    const original = err instanceof IncomingWebhookRequestError ? err.original : err;
    const cause = (original as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? describeFailure(original, [url]);
    return {
      ok: false,
      permanent: false,
      error: describeFailure(new Error(`Slack could not be reached: ${reason}`), [url]),
    };
  }
}
