import type { NextRequest } from "next/server";
import { AppError, errorBody, type ErrorCode } from "@/lib/errors";
import { requestInfo } from "@/lib/request/context";
import { logger } from "@/lib/log/logger";
import { safeSignInError } from "./sign-in-errors";

type AuthContext = { params: Promise<{ nextauth?: string[] }> };
type AuthHandler = (req: NextRequest, ctx: AuthContext) => Promise<Response>;

function jsonError(code: ErrorCode, message: string, requestId: string): Response {
  const err = new AppError(code, message);
  return Response.json(errorBody(err, requestId), { status: err.status, headers: { "x-request-id": requestId } });
}

/** The URL with its `error` parameter reduced to a known sign-in code (relative stays relative). */
function sanitizeErrorUrl(value: string, onUnknown: (raw: string) => void): string {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(value);
  let url: URL;
  try {
    url = new URL(value, "http://relative.invalid");
  } catch {
    return value;
  }
  const raw = url.searchParams.get("error");
  if (raw === null) return value;
  const safe = safeSignInError(raw);
  if (safe === raw) return value;
  onUnknown(raw);
  url.searchParams.set("error", safe);
  return absolute ? url.toString() : `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Wraps next-auth's route handler: sign-in posts must be form-encoded (what next-auth's client
 * sends; a JSON body used to end in a 500), and whatever a failure carries in `?error=` — in the
 * redirect or in the `{ url }` answer signIn() reads — is one of our codes, never an exception's
 * message.
 */
export function guardAuthRoute(handler: AuthHandler): AuthHandler {
  return async (req, ctx) => {
    const { requestId } = requestInfo(req);
    const log = logger.child({ requestId, route: `${req.method} /api/auth` });
    if (req.method === "POST") {
      const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
      const action = (await ctx.params)?.nextauth?.[0];
      if (type === "application/json" && action === "session") {
        const parsed = await req
          .clone()
          .json()
          .then(
            () => true,
            () => false,
          );
        if (!parsed) return jsonError("malformed_json", "The body is not valid JSON.", requestId);
      } else if (type !== "application/x-www-form-urlencoded") {
        return jsonError("unsupported_media_type", "Send this form as application/x-www-form-urlencoded.", requestId);
      }
    }
    let res: Response;
    try {
      res = await handler(req, ctx);
    } catch (err) {
      log.error({ err }, "auth route failed");
      return jsonError("internal_error", "An unexpected error occurred.", requestId);
    }
    const onUnknown = (raw: string) =>
      log.warn({ event: "auth.error_code_replaced", error: raw }, "sign-in error replaced by the generic code");
    res.headers.set("x-request-id", requestId);
    const location = res.headers.get("location");
    if (location) res.headers.set("location", sanitizeErrorUrl(location, onUnknown));
    if (req.method === "POST" && res.headers.get("content-type")?.includes("application/json")) {
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { url?: unknown } | null;
      if (body && typeof body.url === "string") {
        const url = sanitizeErrorUrl(body.url, onUnknown);
        if (url !== body.url) {
          res.headers.delete("content-length");
          return new Response(JSON.stringify({ ...body, url }), { status: res.status, headers: res.headers });
        }
      }
    }
    return res;
  };
}
