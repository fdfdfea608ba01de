// The seller's installment caps (Store.installmentsMaxCount / installmentsMinAmount) and whether
// Stripe offers installments to the store at all (account country + store currency).
import "server-only";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { BOLETO_EXPIRES_AFTER_DAYS, boletoOffered } from "./boleto";
import { type InstallmentSettingsInput, installmentsOffered, MAX_INSTALLMENTS } from "./installments";

export type InstallmentSettings = {
  maxCount: number;
  minAmount: number;
  currency: string;
  /** The connected account's country (null before Connect). */
  accountCountry: string | null;
  /** Stripe offers card installments to this store (BR/BRL, MX/MXN). */
  installmentsAvailable: boolean;
  /** Stripe offers boleto to this store (BR/BRL). */
  boletoAvailable: boolean;
  boletoExpiresAfterDays: number;
  maxAllowed: number;
};

export async function getInstallmentSettings(storeId: string): Promise<InstallmentSettings> {
  const store = await prisma.store.findUniqueOrThrow({
    where: { id: storeId },
    select: {
      installmentsMaxCount: true,
      installmentsMinAmount: true,
      currency: true,
      stripeAccount: { select: { country: true } },
    },
  });
  const country = store.stripeAccount?.country ?? null;
  return {
    maxCount: store.installmentsMaxCount,
    minAmount: store.installmentsMinAmount,
    currency: store.currency,
    accountCountry: country,
    installmentsAvailable: country ? installmentsOffered(country, store.currency) : false,
    boletoAvailable: country ? boletoOffered(country, store.currency) : false,
    boletoExpiresAfterDays: BOLETO_EXPIRES_AFTER_DAYS,
    maxAllowed: MAX_INSTALLMENTS,
  };
}

export async function updateInstallmentSettings(
  storeId: string,
  input: InstallmentSettingsInput,
  audit: AuditContext,
): Promise<InstallmentSettings> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.store.findUniqueOrThrow({
      where: { id: storeId },
      select: { installmentsMaxCount: true, installmentsMinAmount: true },
    });
    await tx.store.update({
      where: { id: storeId },
      data: { installmentsMaxCount: input.maxCount, installmentsMinAmount: input.minAmount },
    });
    await appendAudit(tx, audit, {
      action: "store.installments_updated",
      storeId,
      target: { type: "store", id: storeId },
      before: { maxCount: before.installmentsMaxCount, minAmount: before.installmentsMinAmount },
      after: { maxCount: input.maxCount, minAmount: input.minAmount },
    });
  });
  return getInstallmentSettings(storeId);
}
