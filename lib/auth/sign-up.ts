import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/config";
import { createStoreTx } from "@/lib/tenancy/stores";
import { defaultCurrencyFor, STORE_COUNTRIES, STORE_CURRENCIES } from "@/lib/tenancy/store-options";
import type { Tx } from "@/lib/db/client";
import { hashPassword, PasswordSchema } from "./password";

function setStoreCountry(tx: Tx, storeId: string, country: string) {
  return tx.store.update({ where: { id: storeId }, data: { country }, select: { country: true } });
}
import { isUniqueViolation } from "@/lib/db/errors";

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address."));

/** The password rule's sentences (lib/auth/password.ts) as the message keys the sign-up form shows. */
const PASSWORD_KEYS: Record<string, string> = {
  "Password must be at least 10 characters.": "passwordTooShort",
  "Password must be at most 72 bytes.": "passwordTooLong",
  "Password must contain a letter and a digit.": "passwordLetterAndDigit",
  "This password is too common.": "passwordTooCommon",
};

/**
 * Messages are keys under `auth.fieldErrors` (the form shows each next to its field, in the page's
 * language); the route answers every field's problem at once (lib/validation/field-errors.ts).
 */
export const SignUpInput = z
  .strictObject({
    name: z.string("nameRequired").trim().min(1, "nameRequired").max(100, "nameTooLong"),
    email: z.string("emailInvalid").trim().toLowerCase().max(254, "emailInvalid").pipe(z.email("emailInvalid")),
    password: z.string("passwordTooShort").superRefine((p, ctx) => {
      const result = PasswordSchema.safeParse(p);
      if (!result.success)
        ctx.addIssue({ code: "custom", message: PASSWORD_KEYS[result.error.issues[0]!.message] ?? "passwordInvalid" });
    }),
    storeName: z.string("storeNameTooShort").trim().min(2, "storeNameTooShort").max(80, "storeNameTooLong"),
    locale: z.enum(LOCALES).optional(),
    /** Where the store sells from (BR unless chosen); the currency defaults from it. */
    country: z.enum(STORE_COUNTRIES, "countryInvalid").optional(),
    currency: z.enum(STORE_CURRENCIES, "currencyInvalid").optional(),
  })
  .transform((v) => {
    const country = v.country ?? "BR";
    return { ...v, country, currency: v.currency ?? defaultCurrencyFor(country) };
  });
export type SignUpInput = z.infer<typeof SignUpInput>;

/** Creates a seller with their first store. A taken email is a 409 and writes nothing. */
export async function signUp(input: SignUpInput, ctx: Omit<AuditContext, "actor">) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: "SELLER", locale: input.locale ?? "pt-BR" },
        select: { id: true, email: true, name: true, role: true, locale: true },
      });
      const created = await createStoreTx(tx, user.id, { name: input.storeName, currency: input.currency });
      const store =
        input.country === "BR" ? created : { ...created, ...(await setStoreCountry(tx, created.id, input.country)) };
      const actx = { ...ctx, actor: { type: "user" as const, id: user.id } };
      await appendAudit(tx, actx, {
        action: "user.signed_up",
        storeId: store.id,
        target: { type: "user", id: user.id },
        after: { email: user.email, role: user.role },
      });
      await appendAudit(tx, actx, {
        action: "store.created",
        storeId: store.id,
        target: { type: "store", id: store.id },
        after: { name: store.name, slug: store.slug, currency: store.currency, country: input.country },
      });
      return { user, store };
    });
  } catch (err) {
    if (isUniqueViolation(err, "email"))
      throw new AppError("email_taken", "An account with this email already exists.", { param: "email" });
    throw err;
  }
}

/**
 * Sign-up as the public sees it: the same answer whether or not the email already has an account.
 * An existing account is left untouched and nothing is created; the password is hashed either way,
 * so both paths cost the same bcrypt work. `created` is for the server log only.
 */
export async function requestSignUp(
  input: SignUpInput,
  ctx: Omit<AuditContext, "actor">,
): Promise<{ created: boolean }> {
  try {
    await signUp(input, ctx);
    return { created: true };
  } catch (err) {
    if (err instanceof AppError && err.code === "email_taken") return { created: false };
    throw err;
  }
}
