// From a typed code to the coupon behind it, inside one scope (a code of another store, or a platform
// code typed at a store's checkout, is simply not found).
import type { Coupon, PromotionCode } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { normalizeCode } from "./codes";
import { couponError } from "./rules";

export type ResolvedCode = { coupon: Coupon; promo: PromotionCode };

export async function resolveCode(scopeKey: string, code: string): Promise<ResolvedCode> {
  const normalized = normalizeCode(code);
  if (!normalized) throw couponError("coupon_not_found");
  const promo = await prisma.promotionCode.findUnique({
    where: { scopeKey_code: { scopeKey, code: normalized } },
    include: { coupon: true },
  });
  if (!promo) throw couponError("coupon_not_found");
  const { coupon, ...rest } = promo;
  return { coupon, promo: rest };
}
