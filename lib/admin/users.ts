import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError, notFound } from "@/lib/errors";

export const SetUserStatusInput = z.strictObject({
  status: z.enum(["ACTIVE", "SUSPENDED"]),
  reason: z.string().trim().max(500).optional(),
});

export function listUsers(opts: { q?: string; take?: number } = {}) {
  const q = opts.q?.trim();
  return prisma.user.findMany({
    where: q
      ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] }
      : undefined,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      status: true,
      createdAt: true,
      _count: { select: { stores: true } },
    },
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 100,
  });
}

export function listTenants(take = 100) {
  return prisma.store.findMany({
    select: {
      id: true,
      name: true,
      slug: true,
      storeDomain: true,
      currency: true,
      createdAt: true,
      reviewStatus: true,
      owner: { select: { id: true, email: true, name: true, status: true } },
      _count: { select: { apiKeys: true, products: true } },
    },
    orderBy: { createdAt: "desc" },
    take,
  });
}

/** Suspends or reactivates a seller. Suspended sellers cannot sign in, use sessions or API keys. */
export async function setUserStatus(
  adminId: string,
  userId: string,
  input: z.infer<typeof SetUserStatusInput>,
  ctx: AuditContext,
) {
  if (adminId === userId) throw new AppError("conflict", "You cannot change your own status.");
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, status: true, role: true } });
    if (!user) throw notFound("User");
    if (user.role === "ADMIN") throw new AppError("conflict", "Administrators cannot be suspended here.");
    if (user.status === input.status) return user;
    const updated = await tx.user.update({
      where: { id: userId },
      data: { status: input.status },
      select: { id: true, status: true, role: true },
    });
    await appendAudit(tx, ctx, {
      action: input.status === "SUSPENDED" ? "user.suspended" : "user.reactivated",
      target: { type: "user", id: userId },
      before: { status: user.status },
      after: { status: updated.status, reason: input.reason ?? null },
    });
    return updated;
  });
}

/** Platform-wide counts for the admin overview tiles. */
export async function platformCounts() {
  const [users, auditEntries] = await Promise.all([prisma.user.count(), prisma.auditLog.count()]);
  return { users, auditEntries };
}
