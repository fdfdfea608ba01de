import { z } from "zod";

export const CURRENCIES = ["BRL", "USD", "EUR"] as const;

export const PriceInput = z
  .strictObject({
    unitAmount: z
      .number()
      .int("unitAmount is an integer in minor units (centavos, cents).")
      .min(50, "unitAmount must be at least 50 minor units.")
      .max(99_999_999),
    currency: z.string().trim().toUpperCase().pipe(z.enum(CURRENCIES)),
    type: z.enum(["one_time", "recurring"]).default("one_time"),
    interval: z.enum(["month", "year"]).optional(),
    trialDays: z.number().int().min(1).max(730).optional(),
  })
  .refine((p) => p.type === "one_time" || p.interval, {
    message: "Recurring prices need an interval (month or year).",
    path: ["interval"],
  })
  .refine((p) => p.type === "recurring" || (!p.interval && !p.trialDays), {
    message: "Only recurring prices take an interval or trial days.",
    path: ["interval"],
  });
export type PriceInput = z.infer<typeof PriceInput>;

const imageUrl = z.url({ protocol: /^https?$/ }).max(2048);
/** How many one buyer may take on the buy link (1: no quantity field); the pay page's limit (#17). */
const MaxQuantity = z.number().int("Whole units.").min(1, "At least 1.").max(100, "At most 100.");

export const CreateProductInput = z.strictObject({
  name: z.string().trim().min(1, "Name is required.").max(120),
  description: z.string().trim().max(500).optional(),
  imageUrl: imageUrl.optional(),
  maxQuantity: MaxQuantity.optional(),
  prices: z.array(PriceInput).min(1, "Add at least one price.").max(5),
});
export type CreateProductInput = z.infer<typeof CreateProductInput>;

export const UpdateProductInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(500).nullable().optional(),
    imageUrl: imageUrl.nullable().optional(),
    maxQuantity: MaxQuantity.optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.");
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;

export const ListProductsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(["active", "archived", "all"]).default("active"),
});

/** `PATCH /api/v1/prices/:id`: archive (`{"active":false}`) or restore a price. */
export const SetPriceActiveInput = z.strictObject({ active: z.boolean() });
