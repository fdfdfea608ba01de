// Helpers for the plan tests: an onboarded seller calling the real routes with its API key or its
// dashboard session, products put straight in the database to fill a plan, and a plan switch.
import { NextRequest } from "next/server";
import { onboard, sellerWithStore } from "../support/seller";
import type { TestStripe } from "../support/stripe";
import { sessionCookie } from "../support/session";
import { createApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/client";

export const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });

export type Caller = (path: string, method?: string, body?: unknown, headers?: Record<string, string>) => NextRequest;

function caller(auth: Record<string, string>): Caller {
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

/** A seller with a connected account (products can be created), an API-key caller and a session caller. */
export async function planSeller(stripe: TestStripe, tag = "plan") {
  const seller = await sellerWithStore({ tag });
  await onboard(stripe, seller);
  const { secret } = await createApiKey(seller.store.id, seller.user.id, { name: "plan" }, seller.audit);
  const cookie = await sessionCookie(seller.user.id);
  return {
    ...seller,
    api: caller({ authorization: `Bearer ${secret}` }),
    session: caller({ cookie, origin: "http://localhost:3000" }),
  };
}

/** `n` products straight in the database (no Stripe), to bring a store up to a count quickly. */
export async function fillProducts(storeId: string, n: number, active = true) {
  await prisma.product.createMany({
    data: Array.from({ length: n }, (_, i) => ({ storeId, name: `Filler ${i + 1}`, active })),
  });
}

/** Puts the store on a plan with a status, as the Stripe webhook would have recorded it. */
export async function putOnPlan(storeId: string, planCode: string, status = "active") {
  const plan = await prisma.platformPlan.findUniqueOrThrow({ where: { code: planCode } });
  await prisma.platformSubscription.upsert({
    where: { storeId },
    create: { storeId, planId: plan.id, status, stripeSubscriptionId: status === "free" ? null : `sub_${storeId}` },
    update: { planId: plan.id, status },
  });
}

export const newProduct = (name = "Vaso azul") => ({ name, prices: [{ unitAmount: 12_000, currency: "BRL" }] });

export type ErrorJson = {
  error: { code: string; message: string; param?: string; details?: Record<string, unknown> };
};
