import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/config";
import { createStoreTx } from "@/lib/tenancy/stores";
import { hashPassword, PasswordSchema } from "./password";
import { isUniqueViolation } from "@/lib/db/errors";

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address."));

export const SignUpInput = z.strictObject({
  name: z.string().trim().min(1, "Name is required.").max(100),
  email: EmailSchema,
  password: PasswordSchema,
  storeName: z.string().trim().min(2, "Store name must be at least 2 characters.").max(80),
  locale: z.enum(LOCALES).optional(),
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
      const store = await createStoreTx(tx, user.id, { name: input.storeName });
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
        after: { name: store.name, slug: store.slug },
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
