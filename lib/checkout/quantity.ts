// Quantity on a buy link: the seller sets how many one buyer may take (Product.maxQuantity; 1 means
// the page shows no quantity field). The server checks the limit and prices every method with it.
import "server-only";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { applyCouponToElementsPayment, elementsDiscountOf, type ElementsDiscount } from "./coupons";

/** The most any product may allow (the API's BuyerInput cap). */
export const MAX_QUANTITY_LIMIT = 100;

export const Quantity = z
  .number({ message: "Quantity must be a number." })
  .int("Quantity must be a whole number.")
  .min(1, "Quantity must be at least 1.")
  .max(MAX_QUANTITY_LIMIT, `Quantity must be at most ${MAX_QUANTITY_LIMIT}.`);

/** A quantity above the product's limit is a 422 with a stable code, never silently capped. */
export function assertQuantityAllowed(maxQuantity: number, quantity: number): void {
  if (quantity > Math.max(1, maxQuantity))
    throw new AppError("quantity_above_limit", `At most ${Math.max(1, maxQuantity)} per purchase.`, {
      param: "quantity",
      details: { maxQuantity: Math.max(1, maxQuantity) },
    });
}

export const ElementsQuantityInput = z.strictObject({
  clientSecret: z.string().min(10).max(300),
  quantity: Quantity,
});

/**
 * The buyer changed the quantity on their Elements payment: the PaymentIntent is re-priced (amount
 * and fee) with the store code it holds, so card and boleto both charge unit × quantity − discount.
 */
export async function setElementsQuantity(
  input: z.infer<typeof ElementsQuantityInput>,
  audit: AuditContext,
): Promise<ElementsDiscount> {
  const paymentIntentId = input.clientSecret.split("_secret_")[0] ?? "";
  const order = await prisma.order.findFirst({
    where: { paymentIntentId, channel: "ELEMENTS" },
    select: { id: true, price: { select: { product: { select: { maxQuantity: true } } } } },
  });
  if (!order) throw notFound("PaymentIntent");
  assertQuantityAllowed(order.price.product.maxQuantity, input.quantity);
  const held = await elementsDiscountOf(order.id);
  // The secret is checked, and the payment must still be open, in applyCouponToElementsPayment.
  return applyCouponToElementsPayment(
    { clientSecret: input.clientSecret, code: held?.code ?? null, quantity: input.quantity },
    audit,
  );
}
