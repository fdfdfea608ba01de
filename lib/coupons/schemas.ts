// Request shapes of the coupon API (admin platform coupons, seller store coupons, applying a code).
import { z } from "zod";
import { CODE_PATTERN } from "./codes";

const code = z
  .string()
  .trim()
  .regex(CODE_PATTERN, "code is 3 to 40 letters, digits, dashes or underscores.")
  .transform((c) => c.toLocaleUpperCase("en-US"));

const when = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** A customer-facing code for a coupon. */
export const PromotionCodeInput = z.strictObject({
  code,
  maxRedemptions: z.number().int().min(1).max(1_000_000).optional(),
  expiresAt: when.optional(),
  /** Minor units of the coupon's currency (or the store's, for a store percent coupon). */
  minimumAmount: z.number().int().min(1).max(99_999_999).optional(),
});
export type PromotionCodeInput = z.infer<typeof PromotionCodeInput>;

const couponFields = {
  name: z.string().trim().min(1, "Name is required.").max(80),
  /** Percent off in basis points: 1250 = 12.5 %. */
  percentOffBps: z.number().int().min(1).max(10_000).optional(),
  /** Amount off in minor units of currency. */
  amountOff: z.number().int().min(1).max(99_999_999).optional(),
  currency: z.string().trim().toUpperCase().length(3).optional(),
  duration: z.enum(["once", "repeating", "forever"]).default("once"),
  durationInMonths: z.number().int().min(1).max(36).optional(),
  maxRedemptions: z.number().int().min(1).max(1_000_000).optional(),
  validFrom: when.optional(),
  redeemBy: when.optional(),
  firstTimeOnly: z.boolean().default(false),
  /** A first customer-facing code, created with the coupon. */
  promotionCode: PromotionCodeInput.optional(),
};

type CouponShape = {
  percentOffBps?: number;
  amountOff?: number;
  currency?: string;
  duration: "once" | "repeating" | "forever";
  durationInMonths?: number;
  validFrom?: Date;
  redeemBy?: Date;
};

function refineCoupon(c: CouponShape, ctx: z.RefinementCtx) {
  if ((c.percentOffBps === undefined) === (c.amountOff === undefined))
    ctx.addIssue({ code: "custom", path: ["percentOffBps"], message: "Send either percentOffBps or amountOff." });
  if (c.amountOff !== undefined && !c.currency)
    ctx.addIssue({ code: "custom", path: ["currency"], message: "An amount off needs its currency." });
  if (c.percentOffBps !== undefined && c.currency)
    ctx.addIssue({ code: "custom", path: ["currency"], message: "A percent coupon has no currency." });
  if ((c.duration === "repeating") !== (c.durationInMonths !== undefined))
    ctx.addIssue({
      code: "custom",
      path: ["durationInMonths"],
      message: "durationInMonths goes with (and only with) duration repeating.",
    });
  if (c.validFrom && c.redeemBy && c.redeemBy.getTime() <= c.validFrom.getTime())
    ctx.addIssue({ code: "custom", path: ["redeemBy"], message: "redeemBy must be after validFrom." });
  if (c.redeemBy && c.redeemBy.getTime() <= Date.now())
    ctx.addIssue({ code: "custom", path: ["redeemBy"], message: "redeemBy must be in the future." });
}

export const CreatePlatformCouponInput = z
  .strictObject({
    ...couponFields,
    /** Plan codes the coupon is for; empty or absent = every plan. */
    plans: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    /** May also discount credit purchases. */
    appliesToCredits: z.boolean().default(false),
  })
  .superRefine(refineCoupon);
export type CreatePlatformCouponInput = z.infer<typeof CreatePlatformCouponInput>;

export const CreateStoreCouponInput = z
  .strictObject({
    ...couponFields,
    /** The store's product ids the coupon is for; empty or absent = every product. */
    productIds: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
  })
  .superRefine(refineCoupon);
export type CreateStoreCouponInput = z.infer<typeof CreateStoreCouponInput>;

export const ListCouponsQuery = z.object({
  status: z.enum(["active", "inactive", "all"]).default("all"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(64).optional(),
});
export type ListCouponsQuery = z.infer<typeof ListCouponsQuery>;

export const ApplyCouponInput = z.strictObject({ code: z.string().trim().min(1).max(40) });

/** A code typed by a buyer or seller (looked up, so any text up to 40 characters; unknown → coupon_not_found). */
export const TypedCode = z.string().trim().min(1).max(40);

export const ListRedemptionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(64).optional(),
});

/** A buyer's code on an Elements payment they hold the client secret of; code null removes it. */
export const ElementsCouponInput = z.strictObject({
  clientSecret: z
    .string()
    .trim()
    .regex(/^pi_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$/, "a PaymentIntent client secret"),
  code: TypedCode.nullable(),
});
