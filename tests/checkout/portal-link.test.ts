// The customer portal needs proof that the visitor is the buyer: a single-use, 15-minute link
// emailed to the address that bought the subscription. Through the real routes and the emulator.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { APP, sellingSeller, systemCtx } from "../support/seller";
import { appRequest } from "../support/session";
import { prisma } from "@/lib/db/client";
import { createCheckoutSession, CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { refreshOrderFromStripe } from "@/lib/checkout/orders";
import { hashPortalToken, PORTAL_LINKS_PER_ORDER } from "@/lib/checkout/portal-link";
import { POST as openPortal } from "@/app/api/public/orders/[id]/portal/route";
import { POST as askForLink } from "@/app/api/public/orders/[id]/portal-link/route";

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("customer portal through an emailed link", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  async function subscriber(tag: string, email: string) {
    const s = await sellingSeller(stripe(), {
      tag,
      prices: [{ unitAmount: 4990, currency: "BRL", type: "recurring", interval: "month" }],
    });
    const res = await createCheckoutSession(s.store.id, CreateCheckoutSessionInput.parse({ priceId: s.priceId }), {
      appUrl: APP,
      audit: systemCtx,
    });
    await stripe().controls.completeCheckout(res.sessionId, { card: "4242424242424242", email });
    const order = await refreshOrderFromStripe(res.order.id, systemCtx);
    expect(order.subscriptionId).toBeTruthy();
    return order;
  }

  const ask = (orderId: string, body: unknown) =>
    askForLink(appRequest(`/api/public/orders/${orderId}/portal-link`, { method: "POST", body }), params(orderId));
  const open = (orderId: string, body?: unknown) =>
    openPortal(appRequest(`/api/public/orders/${orderId}/portal`, { method: "POST", body }), params(orderId));

  /** The link in the outbox email for this order, as the buyer would click it. */
  async function emailedToken(orderId: string, email: string) {
    const mails = await prisma.notification.findMany({
      where: { event: "buyer_portal_link", recipient: email },
      orderBy: { createdAt: "desc" },
    });
    const url = mails.map((m) => (m.payload as { url: string }).url).find((u) => u.includes(`/receipt/${orderId}/`));
    expect(url).toBeDefined();
    return { url: url!, token: new URL(url!).hash.slice(1) };
  }

  it("refuses the receipt id alone; emails the buyer a link that opens their portal once", async () => {
    const order = await subscriber("pl-once", "ana.buyer@example.com");
    const bare = await open(order.id);
    expect(bare.status).toBe(403);
    expect((await bare.json()).error.code).toBe("portal_link_required");

    // A stranger's address gets the same answer and no email.
    const stranger = await ask(order.id, { email: "someone@example.com" });
    expect(stranger.status).toBe(202);
    expect(await prisma.notification.count({ where: { recipient: "someone@example.com" } })).toBe(0);

    const asked = await ask(order.id, { email: "Ana.Buyer@example.com", locale: "en" });
    expect(asked.status).toBe(202);
    expect(await stranger.json()).toEqual({ ok: true });
    const { url, token } = await emailedToken(order.id, "ana.buyer@example.com");
    expect(url.startsWith(`${APP}/receipt/${order.id}/manage#`)).toBe(true);
    const mail = await prisma.notification.findFirstOrThrow({ where: { event: "buyer_portal_link" } });
    expect(mail).toMatchObject({ channel: "email", locale: "en", storeId: order.storeId });
    // Only the token's hash is stored.
    const stored = await prisma.portalLinkToken.findFirstOrThrow({ where: { orderId: order.id } });
    expect(stored.tokenHash).toBe(hashPortalToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const opened = await open(order.id, { token });
    expect(opened.status).toBe(200);
    const portalUrl = (await opened.json()).url as string;
    const page = await (await fetch(portalUrl)).text();
    expect(page).toContain(order.subscriptionId!);

    const again = await open(order.id, { token });
    expect(again.status).toBe(410);
    expect((await again.json()).error.code).toBe("portal_link_invalid");
  });

  it("refuses an expired link and another buyer's link", async () => {
    const a = await subscriber("pl-a", "a.buyer@example.com");
    const b = await subscriber("pl-b", "b.buyer@example.com");
    await ask(a.id, { email: "a.buyer@example.com" });
    await ask(b.id, { email: "b.buyer@example.com" });
    const tokenA = (await emailedToken(a.id, "a.buyer@example.com")).token;
    const tokenB = (await emailedToken(b.id, "b.buyer@example.com")).token;

    const crossed = await open(a.id, { token: tokenB });
    expect(crossed.status).toBe(410);
    expect((await crossed.json()).error.code).toBe("portal_link_invalid");
    // The refused attempt did not spend B's link: B can still use it for B's own order.
    expect((await open(b.id, { token: tokenB })).status).toBe(200);

    await prisma.portalLinkToken.updateMany({
      where: { orderId: a.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await open(a.id, { token: tokenA });
    expect(expired.status).toBe(410);
    expect((await expired.json()).error.code).toBe("portal_link_invalid");
  });

  it("sends at most a few links per order in the window, answering the same", async () => {
    const order = await subscriber("pl-limit", "c.buyer@example.com");
    for (let i = 0; i < PORTAL_LINKS_PER_ORDER + 2; i++)
      expect((await ask(order.id, { email: "c.buyer@example.com" })).status).toBe(202);
    expect(await prisma.portalLinkToken.count({ where: { orderId: order.id } })).toBe(PORTAL_LINKS_PER_ORDER);
    expect(await prisma.notification.count({ where: { recipient: "c.buyer@example.com" } })).toBe(
      PORTAL_LINKS_PER_ORDER,
    );
  });
});
