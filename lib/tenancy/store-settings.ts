// A store's own settings, editable after sign-up: name, currency (only while nothing is priced or
// sold in it), website, time zone, country and where buyers land after paying. Audited.
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError, notFound } from "@/lib/errors";
import { AfterPaymentInput, type AfterPaymentMode } from "./after-payment";
import { STORE_COUNTRIES, STORE_CURRENCIES } from "./store-options";

export type StoreSettings = {
  id: string;
  name: string;
  currency: string;
  country: string;
  storeDomain: string | null;
  timeZone: string;
  afterPayment: AfterPaymentMode;
  afterPaymentSuccessUrl: string | null;
  afterPaymentCancelUrl: string | null;
  /** Why the currency cannot change, or null while it can. */
  currencyLockedBy: null | "prices" | "orders";
};

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Messages are i18n keys under `settings.errors`. */
export function UpdateStoreSettingsInput(appEnv: "development" | "test" | "production") {
  return z.strictObject({
    name: z.string().trim().min(2, "nameTooShort").max(80, "nameTooLong").optional(),
    currency: z.enum(STORE_CURRENCIES, "currencyInvalid").optional(),
    country: z.enum(STORE_COUNTRIES, "countryInvalid").optional(),
    storeDomain: z
      .union([
        z.literal("").transform(() => null),
        z
          .string()
          .trim()
          .max(2000, "urlTooLong")
          .pipe(z.url({ protocol: /^https?$/, error: "urlInvalid" }))
          .transform((u) => new URL(u).origin),
      ])
      .optional(),
    timeZone: z.string().trim().max(64).refine(isTimeZone, "timeZoneInvalid").optional(),
    afterPayment: AfterPaymentInput(appEnv).optional(),
  });
}
export type UpdateStoreSettingsInput = z.infer<ReturnType<typeof UpdateStoreSettingsInput>>;

const SELECT = {
  id: true,
  name: true,
  currency: true,
  country: true,
  storeDomain: true,
  timeZone: true,
  afterPayment: true,
  afterPaymentSuccessUrl: true,
  afterPaymentCancelUrl: true,
} as const;

type Db = Pick<typeof prisma, "price" | "order">;

async function currencyLockedBy(db: Db, storeId: string): Promise<StoreSettings["currencyLockedBy"]> {
  if (await db.order.findFirst({ where: { storeId }, select: { id: true } })) return "orders";
  if (await db.price.findFirst({ where: { storeId }, select: { id: true } })) return "prices";
  return null;
}

function shape(row: Omit<StoreSettings, "currencyLockedBy" | "afterPayment"> & { afterPayment: string }) {
  return { ...row, afterPayment: (row.afterPayment === "redirect" ? "redirect" : "receipt") as AfterPaymentMode };
}

export async function getStoreSettings(storeId: string): Promise<StoreSettings> {
  const row = await prisma.store.findUnique({ where: { id: storeId }, select: SELECT });
  if (!row) throw notFound("Store");
  return { ...shape(row), currencyLockedBy: await currencyLockedBy(prisma, storeId) };
}

/**
 * Applies the fields sent. The currency is refused (409 currency_locked) once the store has a
 * price or an order: amounts already priced and paid are in the old currency, and reports sum
 * one currency per store.
 */
export async function updateStoreSettings(
  storeId: string,
  input: UpdateStoreSettingsInput,
  audit: AuditContext,
): Promise<StoreSettings> {
  return prisma.$transaction(async (tx) => {
    // Serialises concurrent edits of one store (and a price created meanwhile cannot slip past the lock check).
    await tx.$queryRaw`SELECT id FROM "Store" WHERE id = ${storeId} FOR UPDATE`;
    const before = await tx.store.findUnique({ where: { id: storeId }, select: SELECT });
    if (!before) throw notFound("Store");
    const lockedBy = await currencyLockedBy(tx, storeId);
    if (input.currency && input.currency !== before.currency && lockedBy)
      throw new AppError(
        "currency_locked",
        lockedBy === "orders"
          ? "The currency cannot change: this store already has orders."
          : "The currency cannot change: this store already has prices.",
        { param: "currency", details: { lockedBy } },
      );
    const data = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
      ...(input.country !== undefined ? { country: input.country } : {}),
      ...(input.storeDomain !== undefined ? { storeDomain: input.storeDomain } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      ...(input.afterPayment
        ? input.afterPayment.mode === "redirect"
          ? {
              afterPayment: "redirect",
              afterPaymentSuccessUrl: input.afterPayment.successUrl,
              afterPaymentCancelUrl: input.afterPayment.cancelUrl,
            }
          : { afterPayment: "receipt", afterPaymentSuccessUrl: null, afterPaymentCancelUrl: null }
        : {}),
    };
    const after = await tx.store.update({ where: { id: storeId }, data, select: SELECT });
    const changed = Object.keys(data) as (keyof typeof before)[];
    if (changed.some((k) => before[k] !== after[k]))
      await appendAudit(tx, audit, {
        action: "store.settings_updated",
        storeId,
        target: { type: "store", id: storeId },
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    return { ...shape(after), currencyLockedBy: lockedBy };
  });
}
