// The buyer's proof for the customer portal: a single-use link emailed to the address that bought
// the subscription (as Stripe's own emailed links do). The token travels in the link's fragment
// (never in a server log); only its SHA-256 is stored; it expires after 15 minutes and opens the
// portal of its own order only.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/config";
import { enqueueNotification } from "@/lib/notifications/enqueue";
import { createBuyerPortalSession } from "./portal";

export const PORTAL_LINK_TTL_MINUTES = 15;
/** Links sent for one order within the TTL window; more requests are answered alike and send nothing. */
export const PORTAL_LINKS_PER_ORDER = 3;
/** Links sent to one address per hour, across orders and stores. */
export const PORTAL_LINKS_PER_EMAIL_HOUR = 6;

export const RequestPortalLinkInput = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("emailInvalid")),
  locale: z.enum(LOCALES).optional(),
});
export const OpenPortalInput = z.strictObject({ token: z.string().trim().min(20).max(100) });

export const hashPortalToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function subscriptionOrder(orderId: string) {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      storeId: true,
      customerEmail: true,
      subscriptionId: true,
      stripeCustomerId: true,
      price: { select: { product: { select: { name: true } } } },
    },
  });
  if (!order) throw notFound("Order");
  if (!order.subscriptionId || !order.stripeCustomerId)
    throw new AppError("conflict", "This order has no subscription to manage.");
  return order;
}

/**
 * Emails a portal link when `email` is the order's buyer and the limits allow; otherwise does
 * nothing. The caller answers the same either way, so a receipt holder learns nothing about the
 * buyer's address. Returns whether a link was sent (for tests and the server log only).
 */
export async function requestPortalLink(
  orderId: string,
  input: z.infer<typeof RequestPortalLinkInput>,
  ctx: { appUrl: string; now?: Date },
): Promise<{ sent: boolean }> {
  const order = await subscriptionOrder(orderId);
  if (!order.customerEmail || order.customerEmail.toLowerCase() !== input.email) return { sent: false };
  const now = ctx.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    // One request at a time per order, so concurrent requests cannot all pass the count.
    await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${order.id} FOR UPDATE`;
    const [forOrder, forEmail] = await Promise.all([
      tx.portalLinkToken.count({
        where: { orderId: order.id, createdAt: { gt: new Date(now.getTime() - PORTAL_LINK_TTL_MINUTES * 60_000) } },
      }),
      tx.portalLinkToken.count({
        where: { email: input.email, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
      }),
    ]);
    if (forOrder >= PORTAL_LINKS_PER_ORDER || forEmail >= PORTAL_LINKS_PER_EMAIL_HOUR) return { sent: false };
    const token = randomBytes(32).toString("base64url");
    const row = await tx.portalLinkToken.create({
      data: {
        tokenHash: hashPortalToken(token),
        storeId: order.storeId,
        orderId: order.id,
        email: input.email,
        expiresAt: new Date(now.getTime() + PORTAL_LINK_TTL_MINUTES * 60_000),
        createdAt: now,
      },
    });
    const receiptUrl = `${ctx.appUrl}/receipt/${order.id}`;
    await enqueueNotification(tx, {
      storeId: order.storeId,
      event: "buyer_portal_link",
      subjectId: row.id,
      payload: {
        url: `${receiptUrl}/manage#${token}`,
        receiptUrl,
        productName: order.price.product.name,
        expiresInMinutes: PORTAL_LINK_TTL_MINUTES,
      },
      recipients: [{ email: input.email, locale: input.locale ?? "pt-BR" }],
    });
    return { sent: true };
  });
}

/**
 * Spends the token (once, before it expires, for this order only) and opens the buyer's portal.
 * Every refusal is the same 410 portal_link_invalid: unknown, used, expired or another order's.
 */
export async function openPortalWithLink(orderId: string, token: string, ctx: { appUrl: string; now?: Date }) {
  const now = ctx.now ?? new Date();
  const spent = await prisma.portalLinkToken.updateMany({
    where: { tokenHash: hashPortalToken(token), orderId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (spent.count !== 1)
    throw new AppError("portal_link_invalid", "This link is invalid, expired or already used. Ask for a new one.");
  return createBuyerPortalSession(orderId, ctx.appUrl);
}
