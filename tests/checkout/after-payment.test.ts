// Where buyers land after paying: an explicit store setting (Vitrine's receipt unless the seller
// chose their own URLs), read by Checkout through the real routes and the Stripe emulator.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { APP, sellingSeller } from "../support/seller";
import { appRequest, noParams, sessionCookie } from "../support/session";
import { createApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/client";
import { POST as checkoutRoute } from "@/app/api/v1/checkout/sessions/route";
import { PATCH as patchSettings } from "@/app/api/settings/store/route";
import { AfterPaymentInput, paidRedirectUrl } from "@/lib/tenancy/after-payment";

describe("after-payment destination", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  async function setup(tag: string) {
    const seller = await sellingSeller(stripe(), { tag, domain: "https://shop.example" });
    const { secret } = await createApiKey(seller.store.id, seller.user.id, { name: "k" }, seller.audit);
    const cookie = await sessionCookie(seller.user.id);
    const checkout = async (body: Record<string, unknown>) => {
      const res = await checkoutRoute(
        new NextRequest(new URL("/api/v1/checkout/sessions", APP), {
          method: "POST",
          headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
          body: JSON.stringify({ priceId: seller.priceId, ...body }),
        }),
        noParams,
      );
      expect(res.status).toBe(201);
      const json = await res.json();
      const account = (await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: seller.store.id } })).accountId;
      const session = await stripe().stripe.checkout.sessions.retrieve(json.id, {}, { stripeAccount: account });
      const order = await prisma.order.findFirstOrThrow({ where: { checkoutSessionId: json.id } });
      return { session, order };
    };
    const patch = (body: unknown) =>
      patchSettings(
        appRequest("/api/settings/store", { method: "PATCH", body, headers: { cookie, origin: APP } }),
        noParams,
      );
    return { seller, checkout, patch };
  }

  it("sends buyers to Vitrine's receipt by default, even when the store has a website", async () => {
    const { checkout } = await setup("ap-receipt");
    const { session, order } = await checkout({ orderId: "A-1" });
    expect(session.success_url).toBe(`${APP}/receipt/${order.id}?session_id={CHECKOUT_SESSION_ID}`);
    expect(session.cancel_url).toBe(`${APP}/receipt/${order.id}?canceled=1`);
    expect(session.success_url).not.toContain("shop.example");
  });

  it("sends buyers to the seller's own URLs once chosen in settings, and back to the receipt when switched off", async () => {
    const { seller, checkout, patch } = await setup("ap-redirect");
    const saved = await patch({
      afterPayment: {
        mode: "redirect",
        successUrl: "https://shop.example/obrigado?src=vitrine",
        cancelUrl: "https://shop.example/carrinho",
      },
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()).settings).toMatchObject({ afterPayment: "redirect" });

    const { session } = await checkout({ orderId: "A 2" });
    expect(session.success_url).toBe(
      "https://shop.example/obrigado?src=vitrine&orderId=A+2&session_id={CHECKOUT_SESSION_ID}",
    );
    expect(session.cancel_url).toBe("https://shop.example/carrinho?orderId=A+2");

    const audit = await prisma.auditLog.findFirst({
      where: { storeId: seller.store.id, action: "store.settings_updated" },
    });
    expect(audit).not.toBeNull();

    expect((await patch({ afterPayment: { mode: "receipt" } })).status).toBe(200);
    const back = await checkout({});
    expect(back.session.success_url).toBe(`${APP}/receipt/${back.order.id}?session_id={CHECKOUT_SESSION_ID}`);
  });

  it("refuses redirect URLs that are not https (plain http only for localhost outside production)", async () => {
    const { patch } = await setup("ap-invalid");
    const res = await patch({
      afterPayment: { mode: "redirect", successUrl: "http://shop.example/ok", cancelUrl: "not a url" },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({
      code: "validation_failed",
      details: { fields: { "afterPayment.successUrl": "urlNotHttps", "afterPayment.cancelUrl": "urlInvalid" } },
    });
    const local = { mode: "redirect", successUrl: "http://localhost:4100/ok", cancelUrl: "http://localhost:4100/back" };
    expect(AfterPaymentInput("development").safeParse(local).success).toBe(true);
    expect(AfterPaymentInput("production").safeParse(local).success).toBe(false);
  });

  it("gives Elements and PIX pages the seller's success URL with the order reference, or none for the receipt", () => {
    const redirect = {
      afterPayment: "redirect",
      afterPaymentSuccessUrl: "https://shop.example/ok",
      afterPaymentCancelUrl: "https://shop.example/back",
    };
    expect(paidRedirectUrl(redirect, "ord_1")).toBe("https://shop.example/ok?orderId=ord_1");
    expect(paidRedirectUrl({ ...redirect, afterPayment: "receipt" }, "ord_1")).toBeNull();
  });
});
