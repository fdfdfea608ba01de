// Request shapes of the invoices API and the tax identity settings.
import { z } from "zod";
import { TAX_ID_TYPES, type TaxIdType, validateTaxId } from "@/lib/tax-id";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

export const ListInvoicesQuery = z.object({
  issuer: z.enum(["platform", "store"]).optional(),
  status: z.enum(["draft", "open", "paid", "void", "uncollectible"]).optional(),
  kind: z.enum(["invoice", "credit_note"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** nextCursor of the previous page. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, "a cursor from nextCursor")
    .optional(),
});
export type ListInvoicesQuery = z.infer<typeof ListInvoicesQuery>;

export const AddressInput = z.strictObject({
  line1: text(120),
  line2: text(120),
  city: text(80),
  state: text(40),
  postalCode: text(20),
  country: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "Use the two-letter country code (BR, US…).")
      .transform((v) => v.toUpperCase())
      .optional(),
  ),
});

/** A party's tax id fields: the type and the number, both optional. */
const TaxIdFields = {
  taxIdType: z.preprocess(blankToUndefined, z.enum(TAX_ID_TYPES).optional()),
  taxId: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
};

/**
 * Checks and normalises a party's tax id: a CPF or CNPJ must pass its check digits (the message
 * names the problem), a foreign id is kept as typed; no number = no tax id.
 */
function normaliseTaxId<V extends { taxId?: string; taxIdType?: TaxIdType }>(v: V, ctx: z.RefinementCtx) {
  if (!v.taxId) return { ...v, taxId: null, taxIdType: null };
  const result = validateTaxId(v.taxId, v.taxIdType);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", path: ["taxId"], message: TAX_ID_MESSAGES[result.problem] });
    return z.NEVER;
  }
  return { ...v, taxId: result.value, taxIdType: result.type };
}

const TAX_ID_MESSAGES = {
  empty: "Enter the number.",
  wrong_length: "A CPF has 11 digits and a CNPJ 14 characters.",
  repeated_digits: "A number with all digits equal is not valid.",
  check_digits: "The check digits of this CPF/CNPJ are wrong.",
  bad_characters: "Use letters, digits, spaces, dots, dashes and slashes only.",
} as const;

/** The largest logo we store and print (inline PNG or JPEG, as a data: URL). */
export const LOGO_MAX_BYTES = 100 * 1024;

export const TaxIdentityInput = z
  .strictObject({
    ...TaxIdFields,
    legalName: text(150),
    address: AddressInput.nullish(),
    logoUrl: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 40, "The logo must be at most 100 KB.")
        .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, "The logo must be a PNG or JPEG image.")
        .nullish(),
    ),
  })
  .transform(normaliseTaxId);
export type TaxIdentityInput = z.infer<typeof TaxIdentityInput>;

const Minor = z.number({ message: "Amounts are integers in minor units." }).int("Amounts are whole minor units.");

export const CreateInvoiceInput = z.strictObject({
  customer: z
    .strictObject({
      ...TaxIdFields,
      name: z.string().trim().min(2, "Enter the customer's name.").max(150),
      email: z.preprocess(blankToUndefined, z.email("Enter a valid email.").max(254).optional()),
      address: AddressInput.nullish(),
    })
    .transform(normaliseTaxId),
  /** ISO 4217; default the store's currency. */
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((v) => v.toUpperCase())
    .optional(),
  lines: z
    .array(
      z.strictObject({
        description: z.string().trim().min(1, "Describe the line.").max(300),
        quantity: z.number().int().min(1).max(100_000).default(1),
        unitAmount: Minor.min(1, "A line costs something.").max(100_000_000_00),
      }),
    )
    .min(1, "Add at least one line.")
    .max(50),
  /** Days from today the invoice is due (default 3). */
  dueInDays: z.number().int().min(0).max(365).default(3),
});
export type CreateInvoiceInput = z.infer<typeof CreateInvoiceInput>;
