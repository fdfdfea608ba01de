// Route wrappers: each declares what it needs (a seller session, an admin, a store API key) and
// gets a typed context; errors become our JSON shape; every response carries the request id and
// is logged and measured.
import { NextResponse, type NextRequest } from "next/server";
import type { Logger } from "pino";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { consume, type LimitName } from "@/lib/rate-limit/limiter";
import type { AuditContext } from "@/lib/audit/log";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { getSessionUser, STORE_COOKIE, type SessionUser } from "@/lib/auth/session";
import { resolveCurrentStore, type StoreSummary } from "@/lib/tenancy/stores";
import { requestInfo, type RequestInfo } from "./context";
import { AppError, errorBody } from "./errors";

type RouteParams = { params: Promise<Record<string, string | string[]>> };

export type BaseContext = { req: NextRequest; info: RequestInfo; params: Record<string, string>; log: Logger };
export type SellerContext = BaseContext & { user: SessionUser; store: StoreSummary; audit: AuditContext };
export type AdminContext = BaseContext & { user: SessionUser; audit: AuditContext };
export type StoreContext = BaseContext & { store: StoreSummary; principal: { kind: "api_key"; apiKeyId: string } | { kind: "session"; user: SessionUser }; audit: AuditContext };

type Options = { limit?: LimitName | false };
type Handler<C> = (ctx: C) => Promise<Response | unknown>;

export function json(data: unknown, init?: ResponseInit): NextResponse {
  return NextResponse.json(data, init);
}

function toResponse(err: unknown, info: RequestInfo, log: Logger): NextResponse {
  const appErr = err instanceof AppError ? err : new AppError("internal_error", "An unexpected error occurred.");
  if (!(err instanceof AppError)) log.error({ err }, "unhandled error");
  const res = NextResponse.json(errorBody(appErr, info.requestId), { status: appErr.status });
  if (appErr.options.retryAfterSeconds) res.headers.set("Retry-After", String(appErr.options.retryAfterSeconds));
  return res;
}

function flatParams(p: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}

function auditCtx(info: RequestInfo, actor: AuditContext["actor"]): AuditContext {
  return { actor, ip: info.ip, userAgent: info.userAgent, requestId: info.requestId };
}

function wrap<C>(route: string, resolve: (base: BaseContext) => Promise<C & { rateKey: string }>, handler: Handler<C>, opts: Options) {
  const method = route.split(" ")[0] ?? "GET";
  return async (req: NextRequest, rp?: RouteParams): Promise<Response> => {
    const started = performance.now();
    const info = requestInfo(req);
    let log = logger.child({ requestId: info.requestId, route });
    let res: Response;
    try {
      const base: BaseContext = { req, info, params: flatParams((await rp?.params) ?? {}), log };
      const ctx = await resolve(base);
      log = (ctx as unknown as BaseContext).log;
      if (opts.limit !== false) await consume(opts.limit ?? "default", ctx.rateKey);
      const out = await handler(ctx);
      res = out instanceof Response ? out : NextResponse.json(out ?? { ok: true });
    } catch (err) {
      res = toResponse(err, info, log);
    }
    res.headers.set("x-request-id", info.requestId);
    const seconds = (performance.now() - started) / 1000;
    const labels = { method, route, status: String(res.status) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, seconds);
    log.info({ status: res.status, ms: Math.round(seconds * 1000) }, "request");
    return res;
  };
}

/** No authentication; rate-limited per client IP. */
export function withPublic(route: string, handler: Handler<BaseContext>, opts: Options = {}) {
  return wrap<BaseContext>(route, async (b) => ({ ...b, rateKey: `ip:${b.info.ip}` }), handler, opts);
}

async function sellerFromSession(b: BaseContext): Promise<{ user: SessionUser; store: StoreSummary }> {
  const user = await getSessionUser(b.req);
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  const preferred = b.req.headers.get("x-store-id") ?? b.req.cookies.get(STORE_COOKIE)?.value;
  const store = await resolveCurrentStore(user.id, preferred);
  if (!store) throw new AppError("not_found", "You do not have a store yet.");
  return { user, store };
}

/** A signed-in seller (or admin acting on a store they own), with their current store. */
export function withSeller(route: string, handler: Handler<SellerContext>, opts: Options = {}) {
  return wrap<SellerContext>(route, async (b) => {
    const { user, store } = await sellerFromSession(b);
    return { ...b, user, store, log: b.log.child({ userId: user.id, storeId: store.id }), audit: auditCtx(b.info, { type: "user", id: user.id }), rateKey: `user:${user.id}` };
  }, handler, opts);
}

/** A signed-in admin. */
export function withAdmin(route: string, handler: Handler<AdminContext>, opts: Options = {}) {
  return wrap<AdminContext>(route, async (b) => {
    const user = await getSessionUser(b.req);
    if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
    if (user.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
    return { ...b, user, log: b.log.child({ userId: user.id }), audit: auditCtx(b.info, { type: "user", id: user.id }), rateKey: `user:${user.id}` };
  }, handler, opts);
}

/** A store API key (`Authorization: Bearer vt_sk_…`); with `allowSession`, a seller session works too. */
export function withApiKey(route: string, handler: Handler<StoreContext>, opts: Options & { allowSession?: boolean } = {}) {
  return wrap<StoreContext>(route, async (b) => {
    const authorization = b.req.headers.get("authorization");
    if (!authorization && opts.allowSession) {
      const { user, store } = await sellerFromSession(b);
      return { ...b, store, principal: { kind: "session" as const, user }, log: b.log.child({ userId: user.id, storeId: store.id }), audit: auditCtx(b.info, { type: "user", id: user.id }), rateKey: `user:${user.id}` };
    }
    const key = await authenticateApiKey(authorization);
    return { ...b, store: key.store, principal: { kind: "api_key" as const, apiKeyId: key.apiKeyId }, log: b.log.child({ apiKeyId: key.apiKeyId, storeId: key.storeId }), audit: auditCtx(b.info, { type: "api_key", id: key.apiKeyId }), rateKey: `key:${key.apiKeyId}` };
  }, handler, opts);
}
