// The JSON shape of coupons, promotion codes and redemptions in the API and on the pages.
import type { Coupon, CouponRedemption, PromotionCode } from "@/generated/prisma/client";

export type PromotionCodeView = {
  id: string;
  code: string;
  active: boolean;
  maxRedemptions: number | null;
  timesRedeemed: number;
  expiresAt: string | null;
  minimumAmount: number | null;
  stripePromotionCodeId: string | null;
  createdAt: string;
};

export type CouponView = {
  id: string;
  scope: "PLATFORM" | "STORE";
  name: string;
  percentOffBps: number | null;
  amountOff: number | null;
  currency: string | null;
  duration: "once" | "repeating" | "forever";
  durationInMonths: number | null;
  maxRedemptions: number | null;
  timesRedeemed: number;
  validFrom: string | null;
  redeemBy: string | null;
  /** PLATFORM: plan codes; STORE: product ids. Empty = all. */
  appliesTo: string[];
  firstTimeOnly: boolean;
  appliesToCredits: boolean;
  active: boolean;
  stripeCouponId: string | null;
  promotionCodes: PromotionCodeView[];
  createdAt: string;
};

export type RedemptionView = {
  id: string;
  couponId: string;
  code: string | null;
  storeId: string;
  storeName: string | null;
  targetType: string;
  targetId: string;
  customerEmail: string | null;
  amountOff: number;
  currency: string | null;
  status: string;
  createdAt: string;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function promotionCodeView(p: PromotionCode): PromotionCodeView {
  return {
    id: p.id,
    code: p.code,
    active: p.active,
    maxRedemptions: p.maxRedemptions,
    timesRedeemed: p.timesRedeemed,
    expiresAt: iso(p.expiresAt),
    minimumAmount: p.minimumAmount,
    stripePromotionCodeId: p.stripePromotionCodeId,
    createdAt: p.createdAt.toISOString(),
  };
}

export function couponView(c: Coupon & { promotionCodes?: PromotionCode[] }): CouponView {
  return {
    id: c.id,
    scope: c.scope,
    name: c.name,
    percentOffBps: c.percentOffBps,
    amountOff: c.amountOff,
    currency: c.currency,
    duration: c.duration.toLowerCase() as CouponView["duration"],
    durationInMonths: c.durationInMonths,
    maxRedemptions: c.maxRedemptions,
    timesRedeemed: c.timesRedeemed,
    validFrom: iso(c.validFrom),
    redeemBy: iso(c.redeemBy),
    appliesTo: c.appliesTo,
    firstTimeOnly: c.firstTimeOnly,
    appliesToCredits: c.appliesToCredits,
    active: c.active,
    stripeCouponId: c.stripeCouponId,
    promotionCodes: (c.promotionCodes ?? []).map(promotionCodeView),
    createdAt: c.createdAt.toISOString(),
  };
}

export function redemptionView(
  r: CouponRedemption & { promotionCode?: PromotionCode | null; store?: { name: string } | null },
): RedemptionView {
  return {
    id: r.id,
    couponId: r.couponId,
    code: r.promotionCode?.code ?? null,
    storeId: r.storeId,
    storeName: r.store?.name ?? null,
    targetType: r.targetType,
    targetId: r.targetId,
    customerEmail: r.customerEmail,
    amountOff: r.amountOff,
    currency: r.currency,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  };
}
