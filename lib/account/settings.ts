import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError, notFound } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/config";
import { hashPassword, PasswordSchema, verifyPassword } from "@/lib/auth/password";
import { notifyPasswordChanged } from "@/lib/notifications/account";

export const UpdateProfileInput = z
  .strictObject({
    name: z.string().trim().min(1, "Name is required.").max(100).optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .refine((v) => v.name !== undefined || v.locale !== undefined, "Send name or locale.");

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: PasswordSchema,
});

export async function updateProfile(userId: string, input: z.infer<typeof UpdateProfileInput>, ctx: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { name: true, locale: true } });
    if (!before) throw notFound("User");
    const after = await tx.user.update({
      where: { id: userId },
      data: input,
      select: { id: true, name: true, email: true, locale: true },
    });
    await appendAudit(tx, ctx, {
      action: "user.profile_updated",
      target: { type: "user", id: userId },
      before,
      after: { name: after.name, locale: after.locale },
    });
    return after;
  });
}

/** Remembers the UI language the user picked (the language switch; not audited, like the cookie it mirrors). */
export async function saveUserLocale(userId: string, locale: (typeof LOCALES)[number]) {
  await prisma.user.update({ where: { id: userId }, data: { locale } });
}

/** Changes the password and ends every existing session (they predate passwordChangedAt). */
export async function changePassword(userId: string, input: z.infer<typeof ChangePasswordInput>, ctx: AuditContext) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw notFound("User");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
    throw new AppError("invalid_credentials", "Your current password is not correct.", { param: "currentPassword" });
  if (input.currentPassword === input.newPassword)
    throw new AppError("validation_failed", "The new password must differ from the current one.", {
      param: "newPassword",
    });
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    const changedAt = new Date();
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: changedAt } });
    await appendAudit(tx, ctx, { action: "user.password_changed", target: { type: "user", id: userId } });
    await notifyPasswordChanged(tx, userId, { changedAt, ip: ctx.ip });
  });
}
