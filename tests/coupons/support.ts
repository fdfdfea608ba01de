// Helpers for the coupon tests: an admin and sellers calling the real routes (session or API key),
// the emulator delivering Stripe's webhooks (platform and Connect) into the real webhook routes, and
// a coupon made through the routes.
import { afterAll, beforeAll } from "vitest";
import { NextRequest } from "next/server";
import { ctx, uniqueEmail } from "../support/db";
import { sellingSeller } from "../support/seller";
import { sessionCookie } from "../support/session";
import { useStripeEmulator, type TestStripe } from "../support/stripe";
import { startForwarder } from "../webhooks/support";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { createApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/client";
import { POST as adminCouponsPost } from "@/app/api/v1/admin/coupons/route";
import { POST as storeCouponsPost } from "@/app/api/v1/coupons/route";

export const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });
export type Caller = (path: string, method?: string, body?: unknown, headers?: Record<string, string>) => NextRequest;

export function caller(auth: Record<string, string>): Caller {
  return (path, method = "GET", body, headers = {}) =>
    new NextRequest(new URL(path, "http://localhost:3000"), {
      method,
      headers: {
        ...auth,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

/** An admin signed in through the dashboard (same-origin session). */
export async function adminCaller() {
  const { user } = await signUp(
    SignUpInput.parse({ name: "Admin", email: uniqueEmail("admin"), password: "correct-horse-9", storeName: "Adm" }),
    ctx,
  );
  await prisma.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
  return { user, call: caller({ cookie: await sessionCookie(user.id), origin: "http://localhost:3000" }) };
}

/** An onboarded seller with a R$ 100,00 product, its API key caller and its session caller. */
export async function storeSeller(stripe: TestStripe, tag = "coupons", prices?: Parameters<typeof sellingSeller>[1]) {
  const seller = await sellingSeller(stripe, { tag, ...prices });
  const { secret } = await createApiKey(seller.store.id, seller.user.id, { name: tag }, seller.audit);
  return {
    ...seller,
    api: caller({ authorization: `Bearer ${secret}` }),
    session: caller({ cookie: await sessionCookie(seller.user.id), origin: "http://localhost:3000" }),
  };
}

export type Json = Record<string, any>;

export async function jsonOf(res: Response): Promise<{ status: number; body: Json }> {
  return { status: res.status, body: (await res.json()) as Json };
}

/** Creates a platform coupon through the admin route; throws unless 201. */
export async function platformCoupon(admin: Caller, body: Json) {
  const { status, body: out } = await jsonOf(
    await adminCouponsPost(admin("/api/v1/admin/coupons", "POST", body), params()),
  );
  if (status !== 201) throw new Error(`platform coupon: ${status} ${JSON.stringify(out)}`);
  return out.coupon as Json;
}

/** Creates a store coupon through the seller route; throws unless 201. */
export async function storeCoupon(api: Caller, body: Json) {
  const { status, body: out } = await jsonOf(await storeCouponsPost(api("/api/v1/coupons", "POST", body), params()));
  if (status !== 201) throw new Error(`store coupon: ${status} ${JSON.stringify(out)}`);
  return out.coupon as Json;
}

export const PLATFORM_SECRET = "whsec_test_coupons_platform";
export const CONNECT_SECRET = "whsec_test_coupons_connect";

/** The emulator with its platform and Connect webhooks delivered into the real routes. */
export function useEmulatorWithWebhooks(): {
  stripe: () => TestStripe;
  forwarder: () => Awaited<ReturnType<typeof startForwarder>>;
} {
  let forwarder: Awaited<ReturnType<typeof startForwarder>>;
  beforeAll(async () => {
    forwarder = await startForwarder();
    process.env.STRIPE_WEBHOOK_SECRET = PLATFORM_SECRET;
    process.env.STRIPE_CONNECT_WEBHOOK_SECRET = CONNECT_SECRET;
    process.env.RATE_LIMIT_WEBHOOK = "100000/minute";
    process.env.RATE_LIMIT_CHECKOUT = "100000/minute";
    process.env.RATE_LIMIT_PUBLIC = "100000/minute";
  });
  afterAll(() => forwarder.close());
  const stripe = useStripeEmulator({
    webhooks: () => [
      { url: `${forwarder.url}/api/webhooks/stripe/connect`, secret: CONNECT_SECRET, connect: true },
      { url: `${forwarder.url}/api/webhooks/stripe`, secret: PLATFORM_SECRET, connect: false },
    ],
  });
  return { stripe, forwarder: () => forwarder };
}

/** A date `days` from now, as the API takes it. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
