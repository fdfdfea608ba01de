// Request shapes of the PIX API (configs, charges, refunds).
import { z } from "zod";
import { PIX_STATUSES } from "@/lib/pix/status";

const BaseUrl = z.url({ protocol: /^https?$/, message: "Enter an http:// or https:// URL." }).max(2048);
const Label = z.string().trim().min(1, "Label is required.").max(80);
const Credentials = z.record(z.string(), z.string().max(20_000));

export const CreateConfigInput = z.strictObject({
  gateway: z.string().min(1).max(40),
  label: Label.optional(),
  credentials: Credentials,
  baseUrl: BaseUrl.nullish(),
});
export type CreateConfigInput = z.infer<typeof CreateConfigInput>;

export const UpdateConfigInput = z
  .strictObject({ label: Label.optional(), credentials: Credentials.optional(), baseUrl: BaseUrl.nullish(), active: z.boolean().optional(), priority: z.number().int().min(0).max(1000).optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change." });
export type UpdateConfigInput = z.infer<typeof UpdateConfigInput>;

export const ReorderConfigsInput = z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(50) });

/** Integer centavos, > 0; the gateway minimum is checked against the configured gateways. */
export const Centavos = z.number({ message: "Amount must be a number of centavos." }).int("Amount must be whole centavos.").positive("Amount must be more than zero.").max(100_000_000_00, "Amount is too large.");

export const PixCustomerInput = z.strictObject({
  name: z.string().trim().max(120).optional(),
  email: z.email().max(254).optional(),
  document: z.string().trim().regex(/^[\d.\-/]{11,18}$/, "Enter a CPF or CNPJ.").transform((v) => v.replace(/\D/g, "")).optional(),
  phone: z.string().trim().max(20).optional(),
});

export const CreateChargeInput = z.strictObject({
  amountCentavos: Centavos,
  description: z.string().trim().min(1, "Description is required.").max(140),
  orderId: z.string().trim().min(1).max(200).optional(),
  customer: PixCustomerInput.optional(),
  /** 5 minutes to 7 days; default 1 hour. */
  expiresInSeconds: z.number().int().min(300).max(7 * 86_400).optional(),
});
export type CreateChargeInput = z.infer<typeof CreateChargeInput> & { idempotencyKey?: string };

export const RefundInput = z.strictObject({ amountCentavos: Centavos, reason: z.string().trim().max(140).optional() });
export type RefundInput = z.infer<typeof RefundInput> & { idempotencyKey?: string };

export const ListChargesQuery = z.object({
  status: z.enum(PIX_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(64).optional(),
});
export type ListChargesQuery = z.infer<typeof ListChargesQuery>;
