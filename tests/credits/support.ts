// Shared helpers for the credits tests: a seller with a store (USD or BRL) and an API key, route
// calls with that key, an admin session cookie, and a small seeded PRNG for property tests.
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { ctx, uniqueEmail } from "../support/db";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { createApiKey } from "@/lib/auth/api-keys";
import { authSecret } from "@/lib/auth/secret";
import { prisma } from "@/lib/db/client";
import { ensureDefaultPackages } from "@/lib/credits/packages";
import type { StoreSummary } from "@/lib/tenancy/stores";

export const APP = "http://localhost:3000";
export const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });

export async function seller(currency: "USD" | "BRL" = "USD") {
  process.env.RATE_LIMIT_CHECKOUT = "100000/minute";
  await ensureDefaultPackages();
  const { user, store: created } = await signUp(
    SignUpInput.parse({
      name: "Credit Seller",
      email: uniqueEmail("credits"),
      password: "correct-horse-9",
      storeName: "Credits store",
    }),
    ctx,
  );
  const store: StoreSummary = { ...created, currency };
  await prisma.store.update({ where: { id: store.id }, data: { currency } });
  const audit = { ...ctx, actor: { type: "user" as const, id: user.id } };
  const { secret } = await createApiKey(store.id, user.id, { name: "credits" }, audit);
  const call = (url: string, method = "GET", body?: unknown, headers: Record<string, string> = {}) =>
    new NextRequest(new URL(url, APP), {
      method,
      headers: {
        authorization: `Bearer ${secret}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  return { user, store, audit, secret, call };
}

export async function packageOf(currency: string, slug: "basic" | "standard") {
  return prisma.creditPackage.findUniqueOrThrow({ where: { slug_currency: { slug, currency } } });
}

/** A next-auth session cookie for a user (what the browser would carry). */
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId, authAt: Date.now() }, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}

export async function admin() {
  const { user } = await signUp(
    SignUpInput.parse({
      name: "Admin",
      email: uniqueEmail("admin"),
      password: "correct-horse-9",
      storeName: "Admin store",
    }),
    ctx,
  );
  await prisma.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
  const cookie = await sessionCookie(user.id);
  const call = (url: string, method = "GET", body?: unknown, headers: Record<string, string> = {}) =>
    new NextRequest(new URL(url, APP), {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { user, call, audit: { ...ctx, actor: { type: "user" as const, id: user.id } } };
}

/** Counts of everything a credits request could write, to assert "nothing written". */
export async function creditWrites(storeId: string) {
  const [purchases, entries, balance] = await Promise.all([
    prisma.creditPurchase.count({ where: { storeId } }),
    prisma.creditLedgerEntry.count({ where: { storeId } }),
    prisma.creditBalance.findUnique({ where: { storeId } }),
  ]);
  return { purchases, entries, balance: balance?.balance ?? 0 };
}

/** mulberry32: a tiny deterministic PRNG, so a failing sequence can be replayed from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}
