// Purchases that never settle: payment_intent.canceled through the emulator's webhook into the real
// platform route makes the purchase CANCELED; the seller's cancel route gives up on an abandoned
// 3-D Secure purchase (its PaymentIntent is canceled on Stripe) and refuses a settled one.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { usePlatformWebhooks, waitFor } from "../webhooks/support";
import { creditWrites, params, seller } from "./support";
import { prisma } from "@/lib/db/client";
import { POST as purchasesRoute } from "@/app/api/v1/credits/purchases/route";
import { POST as cancelRoute } from "@/app/api/v1/credits/purchases/[id]/cancel/route";

const SECRET = "whsec_credits_cancel";

describe("canceled credit purchases", () => {
  useTestDatabase();
  const { stripe } = usePlatformWebhooks(SECRET);

  const statusOf = async (id: string) => (await prisma.creditPurchase.findUniqueOrThrow({ where: { id } })).status;

  it("payment_intent.canceled (webhook only, nobody polls) marks the purchase CANCELED and audits it", async () => {
    const s = await seller("USD");
    const created = await (
      await purchasesRoute(s.call("/api/v1/credits/purchases", "POST", { packageId: "basic" }), params())
    ).json();
    expect(created.purchase.status).toBe("PENDING");
    // Canceled on Stripe directly (e.g. from the Dashboard): only the webhook can tell us.
    await stripe().stripe.paymentIntents.cancel(created.purchase.paymentIntentId);
    await waitFor(async () => (await statusOf(created.purchase.id)) === "CANCELED");
    const deliveries = await stripe().controls.deliveries({ type: "payment_intent.canceled" });
    expect(deliveries.some((d) => d.state === "succeeded")).toBe(true);
    expect(
      await prisma.auditLog.count({ where: { action: "credits.purchase_canceled", targetId: created.purchase.id } }),
    ).toBe(1);
    expect(await creditWrites(s.store.id)).toMatchObject({ entries: 0, balance: 0 });
  });

  it("cancels an abandoned 3-D Secure purchase on Stripe; a settled purchase cannot be canceled (409)", async () => {
    const s = await seller("USD");
    await purchasesRoute(s.call("/api/v1/credits/purchases", "POST", { packageId: "basic" }), params());
    const customer = (await prisma.store.findUniqueOrThrow({ where: { id: s.store.id } })).platformCustomerId!;
    const threeDs = await stripe().stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer });
    const pending = await (
      await purchasesRoute(
        s.call("/api/v1/credits/purchases", "POST", { packageId: "basic", paymentMethodId: threeDs.id }),
        params(),
      )
    ).json();
    expect(pending.purchase.status).toBe("REQUIRES_ACTION");

    const res = await cancelRoute(
      s.call(`/api/v1/credits/purchases/${pending.purchase.id}/cancel`, "POST"),
      params({ id: pending.purchase.id }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).purchase).toMatchObject({ id: pending.purchase.id, status: "CANCELED" });
    expect((await stripe().stripe.paymentIntents.retrieve(pending.purchase.paymentIntentId)).status).toBe("canceled");
    // Repeating it (or the webhook arriving later) changes nothing.
    const again = await cancelRoute(
      s.call(`/api/v1/credits/purchases/${pending.purchase.id}/cancel`, "POST"),
      params({ id: pending.purchase.id }),
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: "conflict", details: { purchaseStatus: "CANCELED" } });
    await new Promise((r) => setTimeout(r, 300));
    expect(await statusOf(pending.purchase.id)).toBe("CANCELED");
    expect(
      await prisma.auditLog.count({ where: { action: "credits.purchase_canceled", targetId: pending.purchase.id } }),
    ).toBe(1);

    // A succeeded purchase stays succeeded and credited.
    const visa = await stripe().stripe.paymentMethods.attach("pm_card_visa", { customer });
    const paid = await (
      await purchasesRoute(
        s.call("/api/v1/credits/purchases", "POST", { packageId: "basic", paymentMethodId: visa.id }),
        params(),
      )
    ).json();
    expect(paid.purchase.status).toBe("SUCCEEDED");
    const refused = await cancelRoute(
      s.call(`/api/v1/credits/purchases/${paid.purchase.id}/cancel`, "POST"),
      params({ id: paid.purchase.id }),
    );
    expect(refused.status).toBe(409);
    expect(await creditWrites(s.store.id)).toMatchObject({ entries: 1, balance: 100 });

    // Another store's purchase is a 404.
    const other = await seller("USD");
    const foreign = await cancelRoute(
      other.call(`/api/v1/credits/purchases/${pending.purchase.id}/cancel`, "POST"),
      params({ id: pending.purchase.id }),
    );
    expect(foreign.status).toBe(404);
  });
});
