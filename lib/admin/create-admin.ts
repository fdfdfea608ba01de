// The first admin of a production install (no demo accounts there): `npm run admin:create`.
// Idempotent: an existing admin is left alone unless a password reset is asked for.
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { hashPassword, PasswordSchema } from "@/lib/auth/password";
import { EmailSchema } from "@/lib/auth/sign-up";
import { isUniqueViolation } from "@/lib/db/errors";

export const CreateAdminInput = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1, "Name is required.").max(100),
  resetPassword: z.boolean().default(false),
});
export type CreateAdminInput = z.input<typeof CreateAdminInput>;

export type CreateAdminResult =
  | { outcome: "created" | "password_reset" | "unchanged"; userId: string }
  | { outcome: "not_an_admin"; userId: string; role: string };

/** Whether the command needs a password for this email (a new admin, or a reset). */
export async function adminNeedsPassword(input: CreateAdminInput): Promise<boolean> {
  const { email, resetPassword } = CreateAdminInput.parse(input);
  const existing = await prisma.user.findUnique({ where: { email }, select: { role: true } });
  return !existing || (existing.role === "ADMIN" && resetPassword);
}

/**
 * Creates the admin, or resets an existing admin's password when asked (which signs that admin out
 * everywhere). An existing seller account with that email is never promoted. Audited in the same
 * transaction as the change.
 */
export async function createAdmin(
  input: CreateAdminInput,
  password: string | null,
  ctx: AuditContext,
): Promise<CreateAdminResult> {
  const { email, name, resetPassword } = CreateAdminInput.parse(input);
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (existing && existing.role !== "ADMIN")
    return { outcome: "not_an_admin", userId: existing.id, role: existing.role };
  if (existing && !resetPassword) return { outcome: "unchanged", userId: existing.id };
  const passwordHash = await hashPassword(PasswordSchema.parse(password));
  if (existing) {
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: existing.id }, data: { passwordHash, passwordChangedAt: new Date() } });
      await appendAudit(tx, ctx, {
        action: "user.password_reset",
        target: { type: "user", id: existing.id },
        after: { email, via: "admin:create" },
      });
    });
    return { outcome: "password_reset", userId: existing.id };
  }
  try {
    const user = await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email, name, role: "ADMIN", passwordHash },
        select: { id: true },
      });
      await appendAudit(tx, ctx, {
        action: "user.admin_created",
        target: { type: "user", id: created.id },
        after: { email, role: "ADMIN", via: "admin:create" },
      });
      return created;
    });
    return { outcome: "created", userId: user.id };
  } catch (err) {
    // Two runs at once: the other one created it.
    if (isUniqueViolation(err, "email")) return createAdmin({ email, name, resetPassword: false }, null, ctx);
    throw err;
  }
}
