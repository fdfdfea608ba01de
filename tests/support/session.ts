// A signed-in browser as route handlers see it: the next-auth session cookie of a real user.
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";

export const APP_ORIGIN = "http://localhost:3000";

/** The next-auth session cookie the browser would carry for userId. */
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId, authAt: Date.now() }, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}

type Init = { method?: string; body?: unknown; headers?: Record<string, string> };

/** A request to the app at path, JSON body when given. */
export function appRequest(path: string, init: Init = {}): NextRequest {
  const headers: Record<string, string> = {
    ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    ...init.headers,
  };
  return new NextRequest(new URL(path, APP_ORIGIN), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export const noParams = { params: Promise.resolve({} as Record<string, string>) };
