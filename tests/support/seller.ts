// Sellers for integration tests: signed up through the real sign-up code, optionally onboarded to
// Connect on the emulator with a product for sale.
import type { z } from "zod";
import { ctx as reqCtx, uniqueEmail } from "./db";
import type { TestStripe } from "./stripe";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import {
  createAccountLink,
  createConnectedAccount,
  CreateAccountInput,
  refreshAccountStatus,
} from "@/lib/connect/accounts";
import { createProduct } from "@/lib/catalog/products";
import { CreateProductInput } from "@/lib/catalog/schemas";
import { prisma } from "@/lib/db/client";

export const APP = "http://localhost:3000";
export const systemCtx = { ...reqCtx, actor: { type: "system" as const, id: "test" } };

type SellerOptions = { domain?: string; tag?: string; storeName?: string };

/** A freshly signed-up seller with its store and an audit context acting as that seller. */
export async function sellerWithStore(opts: SellerOptions = {}) {
  const { user, store } = await signUp(
    SignUpInput.parse({
      name: "Seller",
      email: uniqueEmail(opts.tag ?? "seller"),
      password: "correct-horse-9",
      storeName: opts.storeName ?? "Loja Teste",
    }),
    reqCtx,
  );
  if (opts.domain) await prisma.store.update({ where: { id: store.id }, data: { storeDomain: opts.domain } });
  return {
    user,
    store: { ...store, storeDomain: opts.domain ?? null },
    audit: { ...reqCtx, actor: { type: "user" as const, id: user.id } },
  };
}

export type Seller = Awaited<ReturnType<typeof sellerWithStore>>;

/** Creates the Express account and completes hosted onboarding; returns where Stripe sent the seller back. */
export async function onboard(
  stripe: TestStripe,
  seller: Seller,
  account: Record<string, unknown> = {},
  opts: { refresh?: boolean } = {},
) {
  await createConnectedAccount(seller.store, CreateAccountInput.parse(account), seller.audit);
  const returnedTo = await stripe.completeOnboarding(
    (await createAccountLink(seller.store.id, "account_onboarding", APP)).url,
  );
  if (opts.refresh !== false) await refreshAccountStatus(seller.store.id, seller.audit);
  return returnedTo;
}

type PriceSpec = z.input<typeof CreateProductInput>["prices"][number];

/** An onboarded seller (charges enabled) with one product whose prices are `prices` (default R$100,00 one-time). */
export async function sellingSeller(
  stripe: TestStripe,
  opts: SellerOptions & { account?: Record<string, unknown>; productName?: string; prices?: PriceSpec[] } = {},
) {
  const seller = await sellerWithStore(opts);
  const returnedTo = await onboard(stripe, seller, opts.account);
  const product = await createProduct(
    seller.store.id,
    CreateProductInput.parse({
      name: opts.productName ?? "Item",
      prices: opts.prices ?? [{ unitAmount: 10000, currency: "BRL" }],
    }),
    seller.audit,
  );
  return { ...seller, returnedTo, product, priceId: product.prices[0]!.id };
}
