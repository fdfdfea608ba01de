// The buyer's PIX page follows the store's after-payment destination (lib/checkout/after-payment.ts):
// with "redirect" the paid page sends the buyer to the seller's success URL with the seller's order
// reference; with "receipt" (the default) it keeps Vitrine's own paid state. The setting is saved
// through the real settings route, the charge is created and paid through the real PIX routes.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { APP } from "../support/seller";
import { appRequest, noParams } from "../support/session";
import { POST as createCharge } from "@/app/api/v1/pix/charges/route";
import { POST as confirmCharge } from "@/app/api/v1/pix/charges/[id]/confirm/route";
import { PATCH as patchSettings } from "@/app/api/settings/store/route";
import { getPublicPixCharge } from "@/lib/pix/service/charges";
import { addGateway, BUYER, callRoute, pixSeller, type PixSeller } from "./support";

describe("PIX buyer page after payment", () => {
  useTestDatabase();

  async function seller(tag: string) {
    const s = await pixSeller(tag);
    await addGateway(s, "direct_key");
    return s;
  }
  const charge = async (s: PixSeller, orderId?: string) => {
    const res = await callRoute(createCharge, {
      apiKey: s.apiKey,
      body: { amountCentavos: 2590, description: "Pedido", customer: BUYER, ...(orderId ? { orderId } : {}) },
    });
    expect(res.status).toBe(201);
    return res.json.charge as { id: string };
  };
  const pay = async (s: PixSeller, id: string) =>
    expect((await callRoute(confirmCharge, { cookie: s.cookie, params: { id } })).status).toBe(200);
  const redirectTo = async (s: PixSeller, successUrl: string) => {
    const res = await patchSettings(
      appRequest("/api/settings/store", {
        method: "PATCH",
        body: { afterPayment: { mode: "redirect", successUrl, cancelUrl: "https://shop.example/carrinho" } },
        headers: { cookie: s.cookie, origin: APP },
      }),
      noParams,
    );
    expect(res.status).toBe(200);
  };

  it("keeps Vitrine's paid state when the store sends buyers to the receipt (the default)", async () => {
    const s = await seller("pixap-receipt");
    const c = await charge(s, "1001");
    await pay(s, c.id);
    expect(await getPublicPixCharge(c.id)).toMatchObject({ status: "paid", paidRedirectUrl: null });
  });

  it("sends the paid buyer to the seller's success URL with the seller's order reference, else the charge id", async () => {
    const s = await seller("pixap-redirect");
    await redirectTo(s, "https://shop.example/obrigado?src=vitrine");
    const withRef = await charge(s, "A 2");
    await pay(s, withRef.id);
    expect(await getPublicPixCharge(withRef.id)).toMatchObject({
      status: "paid",
      paidRedirectUrl: "https://shop.example/obrigado?src=vitrine&orderId=A+2",
    });
    const withoutRef = await charge(s);
    // The live page learns the URL before the payment, so it can go there the moment it is paid.
    expect((await getPublicPixCharge(withoutRef.id)).paidRedirectUrl).toBe(
      `https://shop.example/obrigado?src=vitrine&orderId=${withoutRef.id}`,
    );
    // Switching back to the receipt stops the redirect for charges already made.
    const back = await patchSettings(
      appRequest("/api/settings/store", {
        method: "PATCH",
        body: { afterPayment: { mode: "receipt" } },
        headers: { cookie: s.cookie, origin: APP },
      }),
      noParams,
    );
    expect(back.status).toBe(200);
    expect((await getPublicPixCharge(withRef.id)).paidRedirectUrl).toBeNull();
  });
});
