// Route wrappers: each declares what it needs (a seller session, an admin, a store API key) and
// gets a typed context; errors become our JSON shape; every response carries the request id and
// is logged and measured.
import { NextResponse, type NextRequest } from "next/server";
import type { Logger } from "pino";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { rateLimitedError, rateLimitHeaders, take, type LimitName, type RateState } from "@/lib/rate-limit/limiter";
import type { AuditContext } from "@/lib/audit/log";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { hasOperatorToken, type OperatorToken } from "@/lib/auth/operator";
import { getSessionUser, STORE_COOKIE, type SessionUser } from "@/lib/auth/session";
import { resolveCurrentStore, type StoreSummary } from "@/lib/tenancy/stores";
import { admitApiCall } from "@/lib/usage/gate";
import { requestInfo, type RequestInfo } from "@/lib/request/context";
import { isDirectLoopback } from "@/lib/request/client-address";
import { env } from "@/lib/env/server";
import { AppError, errorBody } from "@/lib/errors";
import { assertStorableText } from "@/lib/validation/text";
import { assertSameOrigin, isSafeMethod } from "./same-origin";

type RouteParams = { params: Promise<Record<string, string | string[]>> };

export type BaseContext = { req: NextRequest; info: RequestInfo; params: Record<string, string>; log: Logger };
export type SellerContext = BaseContext & { user: SessionUser; store: StoreSummary; audit: AuditContext };
export type AdminContext = BaseContext & { user: SessionUser; audit: AuditContext };
export type StoreContext = BaseContext & {
  store: StoreSummary;
  principal: { kind: "api_key"; apiKeyId: string } | { kind: "session"; user: SessionUser };
  audit: AuditContext;
};

/**
 * `limit`: the budget this route draws from instead of its caller's class (see resolveRate), or false
 * for none. `sameOrigin` (withPublic): refuse cross-site mutations, for a public route that still
 * acts on the caller's cookies.
 */
type Options = { limit?: LimitName | false; sameOrigin?: boolean };
/** Whose budget a request spends: the class of its caller and the key counted. */
type Rate = { name: LimitName; key: string; apiKey?: boolean };
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

/**
 * The budget a request spends. A store API key always spends its own per-key budget (a store
 * server is not a buyer to brake); otherwise the route's declared limit, else the caller's class.
 */
function resolveRate(rate: Rate, opts: Options): { name: LimitName; key: string } | null {
  if (opts.limit === false) return null;
  if (rate.apiKey) return rate;
  return { name: opts.limit ?? rate.name, key: rate.key };
}

/** Signed-in callers: reads and mutations are budgeted apart, so polling never blocks a save. */
function sessionRate(method: string, userId: string): Rate {
  return { name: isSafeMethod(method) ? "session_read" : "session_write", key: `user:${userId}` };
}

/** Path params as strings; a NUL or a lone surrogate in one (`/orders/%00`) is a 422 naming it. */
function flatParams(p: Record<string, string | string[]>): Record<string, string> {
  const flat = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
  assertStorableText(flat);
  return flat;
}

function auditCtx(info: RequestInfo, actor: AuditContext["actor"]): AuditContext {
  return { actor, ip: info.ip, userAgent: info.userAgent, requestId: info.requestId };
}

function wrap<C>(
  route: string,
  resolve: (base: BaseContext) => Promise<C & { rate: Rate }>,
  handler: Handler<C>,
  opts: Options,
) {
  const method = route.split(" ")[0] ?? "GET";
  return async (req: NextRequest, rp?: RouteParams): Promise<Response> => {
    const started = performance.now();
    const info = requestInfo(req);
    let log = logger.child({ requestId: info.requestId, route });
    let res: Response;
    let rate: RateState | undefined;
    try {
      const base: BaseContext = { req, info, params: flatParams((await rp?.params) ?? {}), log };
      const ctx = await resolve(base);
      log = (ctx as unknown as BaseContext).log;
      const budget = resolveRate(ctx.rate, opts);
      if (budget) {
        rate = await take(budget.name, budget.key);
        if (!rate.ok) throw rateLimitedError(rate);
      }
      const out = await handler(ctx);
      res = out instanceof Response ? out : NextResponse.json(out ?? { ok: true });
    } catch (err) {
      res = toResponse(err, info, log);
    }
    res.headers.set("x-request-id", info.requestId);
    if (rate) for (const [name, value] of Object.entries(rateLimitHeaders(rate))) res.headers.set(name, value);
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
  return wrap<BaseContext>(
    route,
    async (b) => {
      if (opts.sameOrigin) assertSameOrigin(b.req);
      return { ...b, rate: { name: "public", key: `ip:${b.info.ip}` } };
    },
    handler,
    opts,
  );
}

async function sellerFromSession(b: BaseContext): Promise<{ user: SessionUser; store: StoreSummary }> {
  assertSameOrigin(b.req);
  const user = await getSessionUser(b.req);
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
  const preferred = b.req.headers.get("x-store-id") ?? b.req.cookies.get(STORE_COOKIE)?.value;
  const store = await resolveCurrentStore(user.id, preferred);
  if (!store) throw new AppError("not_found", "You do not have a store yet.");
  return { user, store };
}

/** A signed-in seller (or admin acting on a store they own), with their current store. */
export function withSeller(route: string, handler: Handler<SellerContext>, opts: Options = {}) {
  return wrap<SellerContext>(
    route,
    async (b) => {
      const { user, store } = await sellerFromSession(b);
      return {
        ...b,
        user,
        store,
        log: b.log.child({ userId: user.id, storeId: store.id }),
        audit: auditCtx(b.info, { type: "user", id: user.id }),
        rate: sessionRate(b.req.method, user.id),
      };
    },
    handler,
    opts,
  );
}

/** A signed-in admin. */
export function withAdmin(route: string, handler: Handler<AdminContext>, opts: Options = {}) {
  return wrap<AdminContext>(
    route,
    async (b) => {
      assertSameOrigin(b.req);
      const user = await getSessionUser(b.req);
      if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
      if (user.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
      return {
        ...b,
        user,
        log: b.log.child({ userId: user.id }),
        audit: auditCtx(b.info, { type: "user", id: user.id }),
        rate: sessionRate(b.req.method, user.id),
      };
    },
    handler,
    opts,
  );
}

/** A store API key (`Authorization: Bearer vt_sk_…`); with `allowSession`, a seller session works too. */
export function withApiKey(
  route: string,
  handler: Handler<StoreContext>,
  opts: Options & { allowSession?: boolean } = {},
) {
  return wrap<StoreContext>(
    route,
    async (b) => {
      const authorization = b.req.headers.get("authorization");
      if (!authorization && opts.allowSession) {
        const { user, store } = await sellerFromSession(b);
        return {
          ...b,
          store,
          principal: { kind: "session" as const, user },
          log: b.log.child({ userId: user.id, storeId: store.id }),
          audit: auditCtx(b.info, { type: "user", id: user.id }),
          rate: sessionRate(b.req.method, user.id),
        };
      }
      const key = await authenticateApiKey(authorization);
      // Counts the call (in memory) or refuses it past a blocked api_calls limit: docs/billing.md.
      admitApiCall(key.storeId);
      return {
        ...b,
        store: key.store,
        principal: { kind: "api_key" as const, apiKeyId: key.apiKeyId },
        log: b.log.child({ apiKeyId: key.apiKeyId, storeId: key.storeId }),
        audit: auditCtx(b.info, { type: "api_key", id: key.apiKeyId }),
        rate: { name: "api_key", key: `key:${key.apiKeyId}`, apiKey: true },
      };
    },
    handler,
    opts,
  );
}

export type Operator = { kind: "token" } | { kind: "admin"; user: SessionUser };
export type OperatorContext = BaseContext & { operator: Operator | null };

type OperatorOptions = {
  /** The environment variable whose value the caller may send as `Authorization: Bearer …`. */
  token: OperatorToken;
  /** The token counts only from a loopback socket talking to us directly, unless INTERNAL_API_ALLOW_REMOTE=1. */
  loopbackOnly?: boolean;
  /** Anyone may call; `ctx.operator` says whether the caller is an operator (for answers that tell them more). */
  optional?: boolean;
  /** When it returns false the route answers 404, before any check, as if it were not there. */
  enabled?: () => boolean;
  /** The 401 message for a caller with neither the token nor a session. */
  unauthenticated?: string;
};

/** Who answered the operator check; throws for a caller who is not one unless `optional`. */
async function resolveOperator(b: BaseContext, opts: OperatorOptions): Promise<Operator | null> {
  if (hasOperatorToken(b.req, opts.token)) {
    if (opts.loopbackOnly && !env().INTERNAL_API_ALLOW_REMOTE && !isDirectLoopback(b.info))
      throw new AppError("forbidden", "Internal endpoint: loopback only.");
    return { kind: "token" };
  }
  if (opts.optional) {
    // An answer for anyone must not fail because the session cannot be read (e.g. the database is down).
    const user = await getSessionUser(b.req).catch(() => null);
    return user?.role === "ADMIN" ? { kind: "admin", user } : null;
  }
  assertSameOrigin(b.req);
  const user = await getSessionUser(b.req);
  if (!user) throw new AppError("unauthenticated", opts.unauthenticated ?? "Sign in to continue.");
  if (user.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
  return { kind: "admin", user };
}

/**
 * An operator-only route: the holder of `token` or a signed-in admin. Never rate-limited (a monitor
 * polls it; the token is compared in constant time). With `optional`, anyone gets through and
 * `ctx.operator` is null for a caller who is not an operator.
 */
export function withOperator(route: string, handler: Handler<OperatorContext>, opts: OperatorOptions) {
  return wrap<OperatorContext>(
    route,
    async (b) => {
      if (opts.enabled && !opts.enabled()) throw new AppError("not_found", "Not found.");
      const operator = await resolveOperator(b, opts);
      const log = operator?.kind === "admin" ? b.log.child({ userId: operator.user.id }) : b.log;
      return { ...b, log, operator, rate: { name: "public", key: `ip:${b.info.ip}` } };
    },
    handler,
    { limit: false },
  );
}
