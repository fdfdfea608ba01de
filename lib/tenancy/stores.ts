import { randomBytes } from "node:crypto";
import { prisma, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env/server";
import { notFound } from "@/lib/errors";
import { isStorableText } from "@/lib/validation/text";

export type StoreSummary = { id: string; name: string; slug: string; storeDomain: string | null; currency: string };
const SELECT = { id: true, name: true, slug: true, storeDomain: true, currency: true } as const;

export function slugify(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "store"}-${randomBytes(3).toString("hex")}`;
}

export function listStoresForOwner(ownerId: string): Promise<StoreSummary[]> {
  return prisma.store.findMany({ where: { ownerId }, select: SELECT, orderBy: { createdAt: "asc" } });
}

/** The store if ownerId owns it; otherwise 404 — never reveal that another tenant's id exists. */
export async function getOwnedStore(ownerId: string, storeId: string): Promise<StoreSummary> {
  const store = await prisma.store.findFirst({ where: { id: storeId, ownerId }, select: SELECT });
  if (!store) throw notFound("Store");
  return store;
}

/** The store a seller is working in: the preferred one when owned, else their first store. */
export async function resolveCurrentStore(
  ownerId: string,
  preferredStoreId?: string | null,
): Promise<StoreSummary | null> {
  // The preference comes from a cookie or header anyone can set: text no id can hold is no preference.
  if (preferredStoreId && isStorableText(preferredStoreId)) {
    const store = await prisma.store.findFirst({ where: { id: preferredStoreId, ownerId }, select: SELECT });
    if (store) return store;
  }
  return prisma.store.findFirst({ where: { ownerId }, select: SELECT, orderBy: { createdAt: "asc" } });
}

export function createStoreTx(
  tx: Tx,
  ownerId: string,
  input: { name: string; storeDomain?: string | null; currency?: string },
) {
  return tx.store.create({
    data: {
      ownerId,
      name: input.name,
      slug: slugify(input.name),
      storeDomain: input.storeDomain ?? null,
      currency: input.currency ?? "BRL",
      // TENANT_REVIEW=manual: the platform approves a store before it takes payments.
      reviewStatus: env().TENANT_REVIEW === "manual" ? "PENDING" : "APPROVED",
    },
    select: SELECT,
  });
}
