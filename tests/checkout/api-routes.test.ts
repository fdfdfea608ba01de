// The v1 routes and their older aliases through the real route handlers, with a store API key.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { ctx, uniqueEmail, useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { createApiKey } from "@/lib/auth/api-keys";
import { POST as createAccountAlias } from "@/app/api/v1/create-connect-account/route";
import { POST as accountLinkAlias } from "@/app/api/v1/create-account-link/route";
import { GET as accountStatusAlias } from "@/app/api/v1/account-status/[accountId]/route";
import { POST as createProductAlias } from "@/app/api/v1/create-product/route";
import { POST as checkoutAlias } from "@/app/api/v1/create-checkout-session/route";
import { POST as checkoutRoute } from "@/app/api/v1/checkout/sessions/route";
import { POST as refreshRoute } from "@/app/api/v1/connect/account/refresh/route";
import { GET as productsRoute } from "@/app/api/v1/products/route";

const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });

describe("API v1 with a store key", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  it("runs the older path names end to end and keeps tenants apart", async () => {
    const { user, store } = await signUp(
      SignUpInput.parse({
        name: "Api",
        email: uniqueEmail("api"),
        password: "correct-horse-9",
        storeName: "API store",
      }),
      ctx,
    );
    const { secret } = await createApiKey(
      store.id,
      user.id,
      { name: "k" },
      { ...ctx, actor: { type: "user", id: user.id } },
    );
    const auth = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
    const call = (url: string, method = "GET", body?: unknown, extra: Record<string, string> = {}) =>
      new NextRequest(new URL(url, "http://localhost:3000"), {
        method,
        headers: { ...auth, ...extra },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    const created = await createAccountAlias(
      call("/api/v1/create-connect-account", "POST", { country: "BR" }),
      params(),
    );
    expect(created.status).toBe(201);
    const account = await created.json();
    const link = await (
      await accountLinkAlias(call("/api/v1/create-account-link", "POST", { type: "account_onboarding" }), params())
    ).json();
    await stripe().completeOnboarding(link.url);
    expect(
      (await (await refreshRoute(call("/api/v1/connect/account/refresh", "POST"), params())).json()).chargesEnabled,
    ).toBe(true);
    const status = await accountStatusAlias(
      call(`/api/v1/account-status/${account.accountId}`),
      params({ accountId: account.accountId }),
    );
    expect(await status.json()).toMatchObject({ accountId: account.accountId, chargesEnabled: true });
    expect(
      (await accountStatusAlias(call("/api/v1/account-status/acct_other"), params({ accountId: "acct_other" }))).status,
    ).toBe(404);

    const productRes = await createProductAlias(
      call("/api/v1/create-product", "POST", { name: "Livro", prices: [{ unitAmount: 5000, currency: "BRL" }] }),
      params(),
    );
    expect(productRes.status).toBe(201);
    const priceId = (await productRes.json()).prices[0].id;
    expect((await (await productsRoute(call("/api/v1/products?q=livro"), params())).json()).data).toHaveLength(1);

    const first = await checkoutAlias(
      call("/api/v1/create-checkout-session", "POST", { priceId, orderId: "A-1" }, { "idempotency-key": "same-key" }),
      params(),
    );
    const second = await checkoutRoute(
      call("/api/v1/checkout/sessions", "POST", { priceId, orderId: "A-1" }, { "idempotency-key": "same-key" }),
      params(),
    );
    expect(first.status).toBe(201);
    const a = await first.json();
    const b = await second.json();
    expect(b.id).toBe(a.id);
    // No plan chosen: Free's 4.99 % + R$ 0,50 (249.5 → 250, + 50).
    expect(a.order).toMatchObject({ amountTotal: 5000, applicationFeeAmount: 300, orderId: "A-1" });

    const bad = await checkoutRoute(call("/api/v1/checkout/sessions", "POST", { priceId, quantity: 0 }), params());
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatchObject({ code: "validation_failed", param: "quantity" });
  });
});
