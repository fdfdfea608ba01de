import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { resolveCurrentStore, type StoreSummary } from "@/lib/tenancy/stores";
import { authSecret } from "./secret";
import { sessionCookieName, sessionSettings } from "./session-settings";

export const STORE_COOKIE = "vitrine_store";

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export type SessionUser = { id: string; email: string; name: string; role: "SELLER" | "ADMIN"; locale: string };

/**
 * The decoded session JWT of this request (from the request in route handlers, else from cookies()).
 * With secure cookies only the `__Secure-` cookie counts: a plain-named one could have been planted
 * over http.
 */
export async function readSessionToken(
  req?: Request,
): Promise<{ sub?: string; authAt?: number; locale?: string } | null> {
  const cookieHeader = req ? (req.headers.get("cookie") ?? "") : (await cookies()).toString();
  const jar = Object.fromEntries(
    cookieHeader
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => {
        const i = c.indexOf("=");
        return [c.slice(0, i), safeDecode(c.slice(i + 1))];
      }),
  );
  const secureCookie = sessionSettings().secureCookies;
  const token = await getToken({
    req: { cookies: jar, headers: { cookie: cookieHeader } } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authSecret(),
    secureCookie,
    cookieName: sessionCookieName(secureCookie),
  });
  return token
    ? {
        sub: token.sub,
        authAt: typeof token.authAt === "number" ? token.authAt : 0,
        locale: typeof token.locale === "string" ? token.locale : undefined,
      }
    : null;
}

/**
 * The signed-in user, re-read from the database on every request: a suspended account or a
 * session older than the last password change is treated as signed out.
 */
export async function getSessionUser(req?: Request): Promise<SessionUser | null> {
  const token = await readSessionToken(req);
  if (!token?.sub) return null;
  return loadActiveUser(token.sub, token.authAt ?? 0);
}

export async function loadActiveUser(id: string, authAt: number): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, locale: true, status: true, passwordChangedAt: true },
  });
  if (!user || user.status !== "ACTIVE") return null;
  if (authAt < user.passwordChangedAt.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}

/** For pages: the seller and their current store, or a redirect to sign-in. */
export async function requireSellerPage(): Promise<{ user: SessionUser; store: StoreSummary | null }> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const store = await resolveCurrentStore(user.id, (await cookies()).get(STORE_COOKIE)?.value);
  return { user, store };
}

export async function requireAdminPage(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (user.role !== "ADMIN") redirect("/dashboard");
  return user;
}
