// Request shapes of the PIX API (configs, charges, refunds).
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { isBrPhone, isCnpj, isCpf, normalisePhone } from "@/lib/pix/customer";
import { PIX_CHARGE_STATES } from "@/lib/pix/status";

const BaseUrl = z.url({ protocol: /^https?$/, message: "Enter an http:// or https:// URL." }).max(2048);
const Label = z.string().trim().min(1, "Label is required.").max(80);
const Credentials = z.record(z.string(), z.string().max(20_000));

/** Split settings of a config: who gets which whole percentage of each charge (checked against the gateway's limits). */
export const SplitRuleInput = z.strictObject({
  recipientId: z.string().trim().min(1, "Enter the recipient's account id.").max(120),
  percentage: z.number().int("Percentages are whole numbers.").min(1).max(100),
});
export const SplitInput = z.array(SplitRuleInput).max(10);

export const CreateConfigInput = z.strictObject({
  gateway: z.string().min(1).max(40),
  label: Label.optional(),
  credentials: Credentials,
  baseUrl: BaseUrl.nullish(),
  split: SplitInput.optional(),
});
export type CreateConfigInput = z.infer<typeof CreateConfigInput>;

export const UpdateConfigInput = z
  .strictObject({
    label: Label.optional(),
    credentials: Credentials.optional(),
    baseUrl: BaseUrl.nullish(),
    active: z.boolean().optional(),
    priority: z.number().int().min(0).max(1000).optional(),
    split: SplitInput.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change." });
export type UpdateConfigInput = z.infer<typeof UpdateConfigInput>;

export const ReorderConfigsInput = z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(50) });

/** Integer centavos, > 0; the gateway minimum is checked against the configured gateways. */
export const Centavos = z
  .number({ message: "Amount must be a number of centavos." })
  .int("Amount must be whole centavos.")
  .positive("Amount must be more than zero.")
  .max(100_000_000_00, "Amount is too large.");

/** Buyer data. Blank strings count as absent; CPF/CNPJ must pass their check digits; phones are Brazilian (DDD + number). */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const PixCustomerInput = z.strictObject({
  name: z.preprocess(blankToUndefined, z.string().trim().min(3, "Enter the buyer's full name.").max(120).optional()),
  email: z.preprocess(blankToUndefined, z.email("Enter a valid email.").max(254).optional()),
  document: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[\d.\-/ ]{11,20}$/, "Enter a CPF or CNPJ.")
      .transform((v) => v.replace(/\D/g, ""))
      .refine((v) => isCpf(v) || isCnpj(v), "This CPF or CNPJ is not valid (check digits).")
      .optional(),
  ),
  phone: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(25)
      .transform(normalisePhone)
      .refine(isBrPhone, "Enter a Brazilian phone with area code (10 or 11 digits).")
      .optional(),
  ),
});

export const CreateChargeInput = z.strictObject({
  amountCentavos: Centavos,
  description: z.string().trim().min(1, "Description is required.").max(140),
  orderId: z.string().trim().min(1).max(200).optional(),
  customer: PixCustomerInput.optional(),
  /** 5 minutes to 7 days; default 1 hour. */
  expiresInSeconds: z
    .number()
    .int()
    .min(300)
    .max(7 * 86_400)
    .optional(),
  /**
   * When no gateway can take the charge with the buyer data sent, create it as `awaiting_customer`
   * and let the buyer's payment page ask for what is missing (instead of a 422).
   */
  collectCustomer: z.boolean().optional(),
  /**
   * The buyer's language ("pt-BR" | "en") for their receipt and emails. Without it, a charge in
   * reais is written to the buyer in Portuguese.
   */
  buyerLocale: z.enum(LOCALES, { message: 'buyerLocale is "pt-BR" or "en".' }).optional(),
});
export type CreateChargeInput = z.infer<typeof CreateChargeInput> & { idempotencyKey?: string };

export const RefundInput = z.strictObject({ amountCentavos: Centavos, reason: z.string().trim().max(140).optional() });
export type RefundInput = z.infer<typeof RefundInput> & { idempotencyKey?: string };

/** What the buyer types on the payment page; which fields count, and their rules, depend on the gateway (lib/pix/service/collect-customer.ts). */
export const BuyerCustomerInput = z.strictObject({
  name: z.string().max(200).optional(),
  email: z.string().max(254).optional(),
  document: z.string().max(30).optional(),
  phone: z.string().max(30).optional(),
});
export type BuyerCustomerInput = z.infer<typeof BuyerCustomerInput>;

/** A charge id in a public URL (a cuid). */
export const PixChargeId = z.string().regex(/^[a-z0-9]{10,40}$/i, "Not a PIX charge id.");

export const ListChargesQuery = z.object({
  status: z.enum(PIX_CHARGE_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(64).optional(),
});
export type ListChargesQuery = z.infer<typeof ListChargesQuery>;
