// The store's tax identity (legal name, CPF/CNPJ or foreign id, address, logo): what its documents
// print. Saved audited; invoices already issued keep the snapshot they were issued with.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { maskTaxId } from "@/lib/tax-id";
import { partyOf } from "./parties";
import type { TaxIdentityInput } from "./schemas";
import type { Address } from "./types";

export type TaxIdentity = {
  legalName: string | null;
  taxId: string | null;
  taxIdType: "cpf" | "cnpj" | "other" | null;
  address: Address | null;
  logoUrl: string | null;
};

export async function getTaxIdentity(storeId: string): Promise<TaxIdentity> {
  const store = await prisma.store.findUniqueOrThrow({
    where: { id: storeId },
    select: { legalName: true, taxId: true, taxIdType: true, address: true, logoUrl: true },
  });
  const party = partyOf({ ...store, name: null });
  return {
    legalName: store.legalName,
    taxId: store.taxId,
    taxIdType: party.taxIdType,
    address: typeof party.address === "object" ? party.address : null,
    logoUrl: store.logoUrl,
  };
}

export async function updateTaxIdentity(storeId: string, input: TaxIdentityInput, audit: AuditContext) {
  const address = input.address && Object.values(input.address).some(Boolean) ? input.address : null;
  await prisma.$transaction(async (tx) => {
    const before = await tx.store.findUniqueOrThrow({
      where: { id: storeId },
      select: { legalName: true, taxId: true, taxIdType: true, logoUrl: true },
    });
    await tx.store.update({
      where: { id: storeId },
      data: {
        legalName: input.legalName ?? null,
        taxId: input.taxId,
        taxIdType: input.taxIdType,
        address: address ? (address as Prisma.InputJsonValue) : Prisma.DbNull,
        logoUrl: input.logoUrl ?? null,
      },
    });
    // The audit trail names what changed, with the tax id masked (and no logo bytes).
    await appendAudit(tx, audit, {
      action: "store.tax_identity_updated",
      storeId,
      target: { type: "store", id: storeId },
      before: {
        legalName: before.legalName,
        taxId: before.taxId ? maskTaxId(before.taxId, before.taxIdType) : null,
        taxIdType: before.taxIdType,
        logo: !!before.logoUrl,
      },
      after: {
        legalName: input.legalName ?? null,
        taxId: input.taxId ? maskTaxId(input.taxId, input.taxIdType) : null,
        taxIdType: input.taxIdType,
        address: !!address,
        logo: !!input.logoUrl,
      },
    });
  });
  return getTaxIdentity(storeId);
}
