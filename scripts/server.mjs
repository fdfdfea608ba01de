#!/usr/bin/env node
// The app's HTTP server (what `npm start` runs; `node scripts/server.mjs -p 3000 -H 0.0.0.0`):
// Next's request handler behind a thin layer that decides who the client is from the socket
// (X-Forwarded-For only through TRUSTED_PROXIES, see scripts/client-address.mjs) and gives the
// answers Next leaves empty (405, 431, a malformed request) our JSON error shape.
import http from "node:http";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CLIENT_IP_HEADER, PEER_HEADER, clientAddress, normalizeIp, parseTrustedProxies } from "./client-address.mjs";
import { ROUTER_STATE_HEADER, isValidRouterState } from "./router-state.mjs";

/** Set on globalThis before Next loads: lib/request/client-address.ts trusts the headers above only then. */
export const SERVER_MARK = Symbol.for("vitrine.server");

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,64}$/;
const newRequestId = () => `req_${randomUUID().replace(/-/g, "")}`;

/** The body of lib/http/errors.ts's errorBody(), for answers given before the app sees a request. */
export function errorJson(code, message, requestId) {
  return JSON.stringify({ error: { code, message, request_id: requestId } });
}

/**
 * Rewrites the headers the app relies on: inbound copies of the internal ones are dropped, the
 * peer and client addresses are set from the socket, and every request carries a request id.
 */
export function stampRequest(req, trust) {
  const peer = normalizeIp(req.socket.remoteAddress) ?? "unknown";
  const forwarded = req.headers["x-forwarded-for"];
  for (const name of [PEER_HEADER, CLIENT_IP_HEADER]) delete req.headers[name];
  // Next builds its Request from req.headers; rawHeaders is cleaned too for anything reading it.
  const raw = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    if (name !== PEER_HEADER && name !== CLIENT_IP_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  req.rawHeaders = raw;
  req.headers[PEER_HEADER] = peer;
  req.headers[CLIENT_IP_HEADER] = clientAddress(peer, typeof forwarded === "string" ? forwarded : undefined, trust);
  const given = req.headers["x-request-id"];
  if (typeof given !== "string" || !REQUEST_ID_RE.test(given)) req.headers["x-request-id"] = newRequestId();
  return req.headers["x-request-id"];
}

/**
 * Next answers a method a route file does not export with a bare 405: no content type, no body.
 * Give that answer our error body; a route's own 405 (it sets a content type) passes untouched.
 */
function jsonForBareMethodNotAllowed(req, res, requestId) {
  let replaced = false;
  const { writeHead, write, end } = res;
  res.writeHead = function (status, ...rest) {
    const headersGiven = rest.some((r) => r && typeof r === "object");
    if (status === 405 && !headersGiven && !res.getHeader("content-type") && req.method !== "HEAD") {
      replaced = true;
      res.removeHeader("content-length");
      res.setHeader("content-type", "application/json");
      res.setHeader("x-request-id", requestId);
    }
    return writeHead.call(this, status, ...rest);
  };
  res.write = function (chunk, ...rest) {
    return replaced ? true : write.call(this, chunk, ...rest);
  };
  res.end = function (chunk, ...rest) {
    if (res.statusCode === 405 && !res.headersSent) res.writeHead(405);
    if (!replaced) return end.call(this, chunk, ...rest);
    return end.call(
      this,
      errorJson("method_not_allowed", `${req.method} is not supported here.`, requestId),
      ...rest.filter((r) => typeof r === "function"),
    );
  };
}

const CLIENT_ERRORS = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "headers_too_large", "Request headers are too large."],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "request_timeout", "The request took too long to arrive."],
};

/** Node answers malformed requests itself (431 for oversized headers) with no body; ours has one. */
function answerClientError(err, socket) {
  if (err.code === "ECONNRESET" || !socket.writable) return socket.destroy();
  const [status, reason, code, message] = CLIENT_ERRORS[err.code] ?? [
    400,
    "Bad Request",
    "bad_request",
    "Malformed HTTP request.",
  ];
  const requestId = newRequestId();
  const body = errorJson(code, message, requestId);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Whether every %XX sequence of the path decodes to UTF-8 (Next's router decodes each segment). */
export function decodablePath(url = "/") {
  const pathname = url.split("?")[0];
  try {
    decodeURIComponent(pathname);
    return !/%(?![0-9A-Fa-f]{2})/.test(pathname);
  } catch {
    return false;
  }
}

/** An http.Server that stamps each request and hands it to `handle` (Next's request handler). */
export function createAppServer({ handle, trust, onError = (err) => console.error(err) }) {
  const server = http.createServer((req, res) => {
    const requestId = stampRequest(req, trust);
    jsonForBareMethodNotAllowed(req, res, requestId);
    // Next answers a bare 500 to a router state it cannot parse (and hides the header from
    // proxy.ts), and to a path whose percent-encoding does not decode (%E0, %ED%A0%80).
    const malformed = !isValidRouterState(req.headers[ROUTER_STATE_HEADER])
      ? { message: "Malformed Next-Router-State-Tree header.", param: "Next-Router-State-Tree" }
      : !decodablePath(req.url)
        ? { message: "The path is not valid percent-encoded UTF-8.", param: "path" }
        : null;
    if (malformed) {
      res.writeHead(400, {
        "content-type": "application/json",
        "x-request-id": requestId,
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      });
      return res.end(JSON.stringify({ error: { code: "bad_request", ...malformed, request_id: requestId } }));
    }
    Promise.resolve()
      .then(() => handle(req, res))
      .catch((err) => {
        onError(err, requestId);
        if (res.headersSent) return res.destroy();
        res.writeHead(500, { "content-type": "application/json", "x-request-id": requestId });
        res.end(errorJson("internal_error", "An unexpected error occurred.", requestId));
      });
  });
  server.on("clientError", answerClientError);
  return server;
}

function flag(argv, names) {
  const i = argv.findIndex((a) => names.includes(a));
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main() {
  const argv = process.argv.slice(2);
  // --dev (npm run dev): Next's development server behind the same socket handling; never in production.
  const dev = argv.includes("--dev");
  if (dev && process.env.APP_ENV === "production") {
    console.error("--dev is refused with APP_ENV=production");
    process.exit(1);
  }
  process.env.NODE_ENV ??= dev ? "development" : "production";
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  // The launcher passes its loaded environment; run alone, read .env the way `next start` does.
  const { loadEnvConfig } = (await import("@next/env")).default;
  loadEnvConfig(process.env.VITRINE_ENV_DIR ? path.resolve(process.env.VITRINE_ENV_DIR) : dir, false, {
    info: () => undefined,
    error: console.error,
  });
  let trust;
  try {
    trust = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
  const port = Number(flag(argv, ["-p", "--port"]) ?? process.env.PORT ?? 3000);
  const hostname = flag(argv, ["-H", "--hostname"]) ?? process.env.HOST ?? "0.0.0.0";
  globalThis[SERVER_MARK] = true;
  const { default: next } = await import("next");
  const app = next({ dev, dir, hostname, port });
  await app.prepare();
  const server = createAppServer({
    handle: app.getRequestHandler(),
    trust,
    onError: (err, requestId) =>
      console.error(JSON.stringify({ level: "error", requestId, err: String(err?.stack ?? err) })),
  });
  server.listen(port, hostname, () => {
    const proxies =
      trust.kind === "none"
        ? "X-Forwarded-For ignored (no TRUSTED_PROXIES)"
        : `TRUSTED_PROXIES=${process.env.TRUSTED_PROXIES}`;
    console.log(`vitrine server on http://${hostname}:${port} (${proxies})`);
  });
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeIdleConnections?.();
    setTimeout(() => process.exit(0), 5000).unref();
    app.close().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
