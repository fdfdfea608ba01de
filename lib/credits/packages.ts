// Credit packages: seeded per currency (same slug across currencies), editable by admins.
import { z } from "zod";
import type { CreditPackage } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { customAmountRules, type CustomAmountRules } from "./config";

/** Seeded packages: US$ 10 / US$ 45 and their BRL equivalents at R$ 5 per US$ 1. */
export const DEFAULT_PACKAGES = [
  { slug: "basic", name: "Basic", credits: 100, amount: 1_000, currency: "USD", sortOrder: 1 },
  { slug: "standard", name: "Standard", credits: 500, amount: 4_500, currency: "USD", sortOrder: 2 },
  { slug: "basic", name: "Básico", credits: 100, amount: 5_000, currency: "BRL", sortOrder: 1 },
  { slug: "standard", name: "Padrão", credits: 500, amount: 22_500, currency: "BRL", sortOrder: 2 },
] as const;

/** Creates the default packages that do not exist yet (by slug + currency); never changes edited ones. */
export async function ensureDefaultPackages(): Promise<number> {
  const { count } = await prisma.creditPackage.createMany({
    data: DEFAULT_PACKAGES.map((p) => ({ ...p })),
    skipDuplicates: true,
  });
  return count;
}

export type PackageView = { id: string; slug: string; name: string; credits: number; amount: number; currency: string };
export type AdminPackageView = PackageView & {
  active: boolean;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
};

export function packageView(p: CreditPackage): PackageView {
  return { id: p.id, slug: p.slug, name: p.name, credits: p.credits, amount: p.amount, currency: p.currency };
}

export function adminPackageView(p: CreditPackage): AdminPackageView {
  return {
    ...packageView(p),
    active: p.active,
    sortOrder: p.sortOrder,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function listPackagesForStore(store: {
  currency: string;
}): Promise<{ packages: PackageView[]; custom: CustomAmountRules }> {
  // A fresh install without the seed still offers the standard packages.
  if ((await prisma.creditPackage.count()) === 0) await ensureDefaultPackages();
  const rows = await prisma.creditPackage.findMany({
    where: { currency: store.currency, active: true },
    orderBy: [{ sortOrder: "asc" }, { credits: "asc" }],
  });
  return { packages: rows.map(packageView), custom: customAmountRules(store.currency) };
}

/** An active package in the store's currency, by id or slug; otherwise 404 unknown_package. */
export async function resolvePackage(store: { currency: string }, packageId: string): Promise<CreditPackage> {
  const pkg = await prisma.creditPackage.findFirst({
    where: { currency: store.currency, active: true, OR: [{ id: packageId }, { slug: packageId }] },
  });
  if (!pkg)
    throw new AppError("unknown_package", "There is no such credit package for this store.", { param: "packageId" });
  return pkg;
}

const money = z.number().int().positive().max(100_000_000);
export const CreatePackageInput = z.strictObject({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes"),
  name: z.string().trim().min(1).max(60),
  credits: z.number().int().positive().max(100_000_000),
  amount: money,
  currency: z.enum(["USD", "BRL"]),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});
export const UpdatePackageInput = z
  .strictObject({
    name: CreatePackageInput.shape.name,
    credits: CreatePackageInput.shape.credits,
    amount: money,
    active: z.boolean(),
    sortOrder: CreatePackageInput.shape.sortOrder.unwrap(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change.");

export async function listAllPackages(): Promise<AdminPackageView[]> {
  if ((await prisma.creditPackage.count()) === 0) await ensureDefaultPackages();
  const rows = await prisma.creditPackage.findMany({
    orderBy: [{ currency: "asc" }, { sortOrder: "asc" }, { credits: "asc" }],
  });
  return rows.map(adminPackageView);
}

export async function createPackage(
  input: z.infer<typeof CreatePackageInput>,
  audit: AuditContext,
): Promise<AdminPackageView> {
  try {
    return await prisma.$transaction(async (tx) => {
      const pkg = await tx.creditPackage.create({ data: input });
      await appendAudit(tx, audit, {
        action: "credits.package_created",
        target: { type: "credit_package", id: pkg.id },
        after: {
          slug: pkg.slug,
          name: pkg.name,
          credits: pkg.credits,
          amount: pkg.amount,
          currency: pkg.currency,
          active: pkg.active,
        },
      });
      return adminPackageView(pkg);
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError("already_exists", "A package with this slug already exists in this currency.", {
        param: "slug",
      });
    throw err;
  }
}

export async function updatePackage(
  id: string,
  input: z.infer<typeof UpdatePackageInput>,
  audit: AuditContext,
): Promise<AdminPackageView> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.creditPackage.findUnique({ where: { id } });
    if (!before) throw notFound("Credit package");
    const pkg = await tx.creditPackage.update({ where: { id }, data: input });
    const pick = (p: CreditPackage) => ({
      name: p.name,
      credits: p.credits,
      amount: p.amount,
      active: p.active,
      sortOrder: p.sortOrder,
    });
    await appendAudit(tx, audit, {
      action: "credits.package_updated",
      target: { type: "credit_package", id },
      before: pick(before),
      after: pick(pkg),
    });
    return adminPackageView(pkg);
  });
}
