/** The node:http server: routes requests to the API, the controls, the hosted pages and /stripe.js. */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { handleApi } from "./api";
import type { EmulatorApp } from "./app";
import { handleControl } from "./control-routes";
import { CORS_HEADERS, readBody, sendHtml, sendJson } from "./http";
import { handlePage } from "./pages";
import { apiRouter } from "./resources";

const here = typeof __dirname === "string" ? __dirname : path.dirname(fileURLToPath(import.meta.url));

/**
 * The Stripe.js stand-in, assembled from its three parts into one IIFE. `document.currentScript`
 * is read at load time, so the stand-in talks to the origin it was served from.
 */
export function standInSource(): string {
  const part = (name: string) => readFileSync(path.join(here, "stripejs", name), "utf8");
  return [
    "/* Vitrine Stripe emulator — Stripe.js stand-in. Defines window.Stripe for @stripe/stripe-js and @stripe/react-stripe-js, offline. */",
    "(function () {",
    '"use strict";',
    "if (window.Stripe && window.Stripe.__vitrineEmulator) return;",
    part("core.js"),
    part("elements.js"),
    part("stripe.js"),
    "})();",
  ].join("\n");
}

export function createEmulatorServer(app: EmulatorApp): Server {
  const router = apiRouter();
  const stripeJs = standInSource();
  return createServer((req, res) => {
    void dispatch(app, router, stripeJs, req, res).catch((err: unknown) => {
      app.config.log(`[stripe-emulator] unhandled error: ${(err as Error)?.stack ?? err}`);
      if (!res.headersSent)
        sendJson(res, 500, { error: { type: "api_error", message: "Stripe emulator internal error" } });
      else res.end();
    });
  });
}

async function dispatch(
  app: EmulatorApp,
  router: ReturnType<typeof apiRouter>,
  stripeJs: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  // Deliveries caused by this request start only once its response has been sent.
  res.on("finish", () => app.webhooks.kick());
  if (req.method === "OPTIONS") {
    res.writeHead(204, CORS_HEADERS);
    return void res.end();
  }
  const body = req.method === "GET" || req.method === "HEAD" ? "" : await readBody(req);
  const p = url.pathname;
  if (p.startsWith("/v1/")) return handleApi(app, router, req, res, url, body);
  if (p.startsWith("/_emulator/")) return handleControl(app, req, res, url, body);
  if (p === "/stripe.js" || p === "/v3" || p === "/endive/stripe.js") {
    res.writeHead(200, {
      "Content-Type": "application/javascript; charset=utf-8",
      "Cache-Control": "no-cache",
      ...CORS_HEADERS,
    });
    return void res.end(stripeJs);
  }
  if (p === "/health") return sendJson(res, 200, { ok: true, now: app.clock.now() });
  if (await handlePage(app, req, res, url, body)) return;
  app.config.log(`[stripe-emulator] UNKNOWN ROUTE ${req.method} ${p}`);
  if (req.headers.accept?.includes("text/html"))
    return sendHtml(res, 404, "<!doctype html><title>Not found</title><p>Not found (Vitrine Stripe emulator)</p>");
  sendJson(res, 404, {
    error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${p}).` },
  });
}
