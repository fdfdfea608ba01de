import type Stripe from "stripe";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import type { StoreSummary } from "@/lib/tenancy/stores";

export const CreateAccountInput = z.strictObject({
  country: z.string().trim().length(2).toUpperCase().default("BR"),
  email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
  businessType: z.enum(["individual", "company"]).default("individual"),
  storeDomain: z
    .url({ protocol: /^https?$/ })
    .transform((u) => new URL(u).origin)
    .optional(),
});

export type AccountStatus = {
  accountId: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  disabledReason: string | null;
  country: string;
  email: string | null;
  syncedAt: Date;
};

const STATUS_SELECT = {
  accountId: true,
  chargesEnabled: true,
  payoutsEnabled: true,
  detailsSubmitted: true,
  requirementsDue: true,
  disabledReason: true,
  country: true,
  email: true,
  syncedAt: true,
} as const;

export function getAccountStatus(storeId: string): Promise<AccountStatus | null> {
  return prisma.stripeAccount.findUnique({ where: { storeId }, select: STATUS_SELECT });
}

/** The store's account status; 404 when it has none (or, on the older path, another account id was named). */
export async function requireAccountStatus(storeId: string, accountId?: string): Promise<AccountStatus> {
  const status = await getAccountStatus(storeId);
  if (!status || (accountId && status.accountId !== accountId)) throw new AppError("not_found", "Account not found.");
  return status;
}

/** The connected account of a store, or 409 account_not_connected. */
export async function requireAccount(storeId: string, opts: { chargesEnabled?: boolean } = {}): Promise<AccountStatus> {
  const account = await getAccountStatus(storeId);
  if (!account) throw new AppError("account_not_connected", "Connect a Stripe account first.");
  if (opts.chargesEnabled && !account.chargesEnabled)
    throw new AppError("charges_not_enabled", "This store cannot take payments yet: finish Stripe onboarding.");
  return account;
}

/** Creates the store's Express account (once; a second call is a 409 and creates nothing). */
export async function createConnectedAccount(
  store: StoreSummary,
  input: z.infer<typeof CreateAccountInput>,
  audit: AuditContext,
) {
  if (await getAccountStatus(store.id))
    throw new AppError("already_exists", "This store already has a Stripe account.");
  const storeDomain = input.storeDomain ?? store.storeDomain ?? undefined;
  const account = await callStripe(() =>
    getStripe().accounts.create(
      {
        type: "express",
        country: input.country,
        email: input.email,
        business_type: input.businessType,
        capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
        business_profile: { name: store.name, url: storeDomain },
        metadata: { storeId: store.id },
      },
      // One account per store even if this request is retried or raced.
      { idempotencyKey: `vitrine:account:${store.id}` },
    ),
  );
  return prisma.$transaction(async (tx) => {
    const existing = await tx.stripeAccount.findUnique({ where: { storeId: store.id }, select: STATUS_SELECT });
    if (existing) return existing;
    if (storeDomain && storeDomain !== store.storeDomain)
      await tx.store.update({ where: { id: store.id }, data: { storeDomain } });
    const row = await tx.stripeAccount.create({
      data: {
        storeId: store.id,
        accountId: account.id,
        country: input.country,
        email: input.email,
        businessType: input.businessType,
        ...snapshot(account),
      },
      select: STATUS_SELECT,
    });
    await appendAudit(tx, audit, {
      action: "connect.account_created",
      storeId: store.id,
      target: { type: "stripe_account", id: account.id },
      after: { country: input.country, businessType: input.businessType, storeDomain: storeDomain ?? null },
    });
    return row;
  });
}

function snapshot(account: Stripe.Account) {
  return {
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    detailsSubmitted: account.details_submitted ?? false,
    requirementsDue: account.requirements?.currently_due ?? [],
    disabledReason: account.requirements?.disabled_reason ?? null,
    syncedAt: new Date(),
  };
}

/** Applies a fresh Account object (from a refresh or account.updated); unknown accounts are ignored. */
export async function applyAccountSnapshot(account: Stripe.Account, audit: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.stripeAccount.findUnique({ where: { accountId: account.id } });
    if (!row) return null;
    const next = snapshot(account);
    const updated = await tx.stripeAccount.update({ where: { id: row.id }, data: next, select: STATUS_SELECT });
    if (
      row.chargesEnabled !== next.chargesEnabled ||
      row.payoutsEnabled !== next.payoutsEnabled ||
      row.detailsSubmitted !== next.detailsSubmitted
    ) {
      await appendAudit(tx, audit, {
        action: "connect.account_updated",
        storeId: row.storeId,
        target: { type: "stripe_account", id: account.id },
        before: {
          chargesEnabled: row.chargesEnabled,
          payoutsEnabled: row.payoutsEnabled,
          detailsSubmitted: row.detailsSubmitted,
        },
        after: {
          chargesEnabled: next.chargesEnabled,
          payoutsEnabled: next.payoutsEnabled,
          detailsSubmitted: next.detailsSubmitted,
        },
      });
    }
    return updated;
  });
}

/** Re-reads the account from Stripe ("refresh status"). */
export async function refreshAccountStatus(storeId: string, audit: AuditContext) {
  const current = await requireAccount(storeId);
  const account = await callStripe(() => getStripe().accounts.retrieve(current.accountId));
  return (await applyAccountSnapshot(account, audit)) ?? current;
}

export const AccountLinkInput = z.strictObject({
  type: z.enum(["account_onboarding", "account_update"]).default("account_onboarding"),
});

/** An onboarding/update link; refresh_url mints a fresh one, return_url comes back to the dashboard. */
export async function createAccountLink(
  storeId: string,
  type: "account_onboarding" | "account_update",
  appUrl: string,
) {
  const account = await requireAccount(storeId);
  const link = await callStripe(() =>
    getStripe().accountLinks.create({
      account: account.accountId,
      type,
      refresh_url: `${appUrl}/dashboard/connect/refresh?type=${type}`,
      return_url: `${appUrl}/dashboard/connect?returned=1`,
    }),
  );
  return { url: link.url, expiresAt: new Date(link.expires_at * 1000) };
}

/** A one-time login link to the seller's Express dashboard. */
export async function createDashboardLink(storeId: string) {
  const account = await requireAccount(storeId);
  if (!account.detailsSubmitted)
    throw new AppError("charges_not_enabled", "Finish onboarding before opening the Express dashboard.");
  const link = await callStripe(() => getStripe().accounts.createLoginLink(account.accountId));
  return { url: link.url };
}
