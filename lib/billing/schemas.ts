// Request shapes of the plan API (POST / PATCH /api/v1/platform/subscription).
import { z } from "zod";
import type { PlanInterval } from "./plan-prices";

const PlanCode = z.string().trim().min(1).max(40);
const Interval = z.enum(["month", "year"]);
const PromotionCode = z.string().trim().min(1, "promotion_code must not be empty.").max(100);

/**
 * POST /api/v1/platform/subscription: `planCode`, `interval` (month | year; the plan's default when
 * left out) and an optional `promotion_code` (`promotionCode` is accepted too, in planCode's style).
 */
export const SubscribeInput = z
  .strictObject({
    planCode: PlanCode,
    interval: Interval.optional(),
    promotion_code: PromotionCode.optional(),
    promotionCode: PromotionCode.optional(),
  })
  .refine((v) => !(v.promotion_code && v.promotionCode), {
    message: "Give the promotion code once, as promotion_code.",
    path: ["promotion_code"],
  })
  .transform(
    (v): SubscribeRequest => ({
      planCode: v.planCode,
      interval: v.interval,
      promotionCode: v.promotion_code ?? v.promotionCode,
    }),
  );
export type SubscribeRequest = { planCode: string; interval?: PlanInterval; promotionCode?: string };

/** PATCH /api/v1/platform/subscription: another plan and/or interval, now. */
export const ChangePlanInput = z.strictObject({ planCode: PlanCode, interval: Interval.optional() });
export type ChangePlanRequest = z.infer<typeof ChangePlanInput>;
