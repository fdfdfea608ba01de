/** The `/v1/*` API: auth, Stripe-Account scoping, parameter decoding, idempotency, expand, errors. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorApp } from "./app";
import type { Ctx } from "./context";
import { StripeApiError, invalidRequest, unauthorized } from "./errors";
import { API_VERSION } from "./events";
import { render } from "./expand";
import { apiKeyOf, header, sendJson } from "./http";
import { IdempotencyCache } from "./idempotency";
import { newId } from "./ids";
import { decodeForm, type RawObject } from "./params";
import type { Router } from "./router";

export type KeyType = "secret" | "publishable";

/** Accepts any test-mode key; live keys are refused so the emulator can never be mistaken for Stripe. */
export function checkKey(key: string | null): KeyType {
  if (!key) {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (/^(sk|rk)_test_\w+/.test(key)) return "secret";
  if (/^pk_test_\w+/.test(key)) return "publishable";
  throw unauthorized(
    `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
  );
}

export async function handleApi(
  app: EmulatorApp,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
): Promise<void> {
  const requestId = newId("req");
  const method = req.method ?? "GET";
  const headers: Record<string, string> = {
    "Request-Id": requestId,
    "Stripe-Version": header(req, "stripe-version") ?? API_VERSION,
  };
  const idemKey = method === "POST" ? header(req, "idempotency-key") : null;
  if (idemKey) headers["Idempotency-Key"] = idemKey;
  const account = header(req, "stripe-account");
  const apiKey = apiKeyOf(req);
  let fingerprint = "";
  try {
    const keyType = checkKey(apiKey);
    const found = router.find(method, url.pathname);
    if (!found) {
      app.config.log(
        `[stripe-emulator] UNKNOWN ROUTE ${method} ${url.pathname} — not emulated; add it to sandbox/stripe if Vitrine needs it`,
      );
      throw invalidRequest(
        `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        {},
        404,
      );
    }
    if (found.route.auth === "secret" && keyType === "publishable") {
      throw new StripeApiError(
        401,
        {
          type: "invalid_request_error",
          code: "secret_key_required",
          message: "This API call cannot be made with a publishable API key. Please use a secret API key.",
        },
        { replayable: false },
      );
    }
    if (account && !app.store.get("account", account, null)) {
      throw new StripeApiError(
        403,
        {
          type: "invalid_request_error",
          code: "account_invalid",
          message: `The provided key '${apiKey?.slice(0, 12)}…' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
        },
        { replayable: false },
      );
    }
    const raw: RawObject = method === "POST" ? decodeForm(body) : decodeForm(url.search.slice(1));
    if (idemKey) {
      fingerprint = IdempotencyCache.fingerprint(method, url.pathname, body);
      const hit = app.idempotency.lookup(apiKey!, account, idemKey, fingerprint);
      if (hit) return sendJson(res, hit.status, hit.body, { ...headers, "Idempotent-Replayed": "true" });
    }
    const ctx: Ctx = { app, scope: account, request: { id: requestId, idempotencyKey: idemKey }, keyType };
    const result = found.route.run(ctx, raw, found.params);
    const text = JSON.stringify(render(app, account, result, expandOf(raw)), null, 2);
    if (idemKey) app.idempotency.store(apiKey!, account, idemKey, fingerprint, 200, text);
    if (method !== "GET") app.persistSoon();
    sendJson(res, 200, text, headers);
  } catch (err) {
    const apiErr =
      err instanceof StripeApiError
        ? err
        : new StripeApiError(
            500,
            { type: "api_error", message: "An unexpected error occurred in the Stripe emulator." },
            { replayable: false },
          );
    if (!(err instanceof StripeApiError))
      app.config.log(`[stripe-emulator] 500 on ${method} ${url.pathname}: ${(err as Error)?.stack ?? err}`);
    const text = JSON.stringify(apiErr.toJSON(), null, 2);
    if (idemKey && apiErr.replayable && fingerprint)
      app.idempotency.store(apiKey!, account, idemKey, fingerprint, apiErr.status, text);
    if (method !== "GET") app.persistSoon();
    sendJson(res, apiErr.status, text, headers);
  }
}

function expandOf(raw: RawObject): string[] {
  const e = raw.expand;
  if (!e) return [];
  return typeof e === "string" ? [e] : Object.values(e).filter((v): v is string => typeof v === "string");
}
