// Products and prices live on the seller's connected account (Stripe-Account header) and are
// mirrored in our database. Stripe is written first with idempotency keys, then the mirror; a
// retried request reuses the same Stripe objects.
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError, notFound } from "@/lib/errors";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { requireAccount } from "@/lib/connect/accounts";
import { assertHardLimit, checkHardLimit, LIMITED_CREATION_TX, lockHardLimit } from "@/lib/billing/limits";
import type { CreateProductInput, PriceInput, UpdateProductInput } from "./schemas";

const PRODUCT_INCLUDE = { prices: { orderBy: { createdAt: "asc" as const } } };

async function createStripePrice(accountId: string, stripeProductId: string, p: PriceInput, idem: string) {
  return callStripe(() =>
    getStripe().prices.create(
      {
        product: stripeProductId,
        unit_amount: p.unitAmount,
        currency: p.currency.toLowerCase(),
        ...(p.type === "recurring" ? { recurring: { interval: p.interval! } } : {}),
      },
      onAccount(accountId, idem),
    ),
  );
}

function priceRow(storeId: string, productId: string, p: PriceInput, stripePriceId: string) {
  return {
    storeId,
    productId,
    stripePriceId,
    unitAmount: p.unitAmount,
    currency: p.currency,
    type: p.type === "recurring" ? ("RECURRING" as const) : ("ONE_TIME" as const),
    interval: p.interval === "year" ? ("YEAR" as const) : p.interval === "month" ? ("MONTH" as const) : null,
    trialDays: p.trialDays ?? null,
  };
}

/**
 * Creates the product on the connected account, then the mirror. The plan's product limit is checked
 * before Stripe (nothing written when already full) and again under the store lock in the insert
 * transaction. With a caller's Idempotency-Key the first check is skipped, so a retry of a creation
 * that took the last slot gets its product back; a new one refused there has its Stripe product archived.
 */
export async function createProduct(
  storeId: string,
  input: CreateProductInput,
  audit: AuditContext,
  callerKey?: string,
) {
  const idempotencyKey = callerKey ?? randomUUID();
  if (!callerKey) await checkHardLimit({ resource: "products", storeId });
  const account = await requireAccount(storeId);
  const product = await callStripe(() =>
    getStripe().products.create(
      {
        name: input.name,
        description: input.description,
        images: input.imageUrl ? [input.imageUrl] : undefined,
        metadata: { storeId },
      },
      onAccount(account.accountId, `vitrine:product:${storeId}:${idempotencyKey}`),
    ),
  );
  const prices: Stripe.Price[] = [];
  for (const [i, p] of input.prices.entries())
    prices.push(
      await createStripePrice(account.accountId, product.id, p, `vitrine:price:${storeId}:${idempotencyKey}:${i}`),
    );
  const created = prisma.$transaction(async (tx) => {
    await lockHardLimit(tx, { resource: "products", storeId });
    const existing = await tx.product.findUnique({
      where: { storeId_stripeProductId: { storeId, stripeProductId: product.id } },
      include: PRODUCT_INCLUDE,
    });
    if (existing) return existing;
    await assertHardLimit(tx, { resource: "products", storeId });
    const row = await tx.product.create({
      data: {
        storeId,
        name: input.name,
        description: input.description,
        imageUrl: input.imageUrl,
        maxQuantity: input.maxQuantity,
        stripeProductId: product.id,
      },
    });
    await tx.price.createMany({ data: input.prices.map((p, i) => priceRow(storeId, row.id, p, prices[i]!.id)) });
    await appendAudit(tx, audit, {
      action: "catalog.product_created",
      storeId,
      target: { type: "product", id: row.id },
      after: {
        name: row.name,
        prices: input.prices
          .map((p) => `${p.unitAmount} ${p.currency} ${p.type}${p.interval ? `/${p.interval}` : ""}`)
          .join(", "),
      },
    });
    return tx.product.findUniqueOrThrow({ where: { id: row.id }, include: PRODUCT_INCLUDE });
  }, LIMITED_CREATION_TX);
  return created.catch((err: unknown) => undoOnLimit(err, account.accountId, product.id));
}

/** A creation or restore refused under the lock leaves no active product on Stripe either. */
async function undoOnLimit(err: unknown, accountId: string, stripeProductId: string | null): Promise<never> {
  if (stripeProductId && err instanceof AppError && err.code === "plan_limit_reached")
    await callStripe(() => getStripe().products.update(stripeProductId, { active: false }, onAccount(accountId))).catch(
      () => undefined,
    );
  throw err;
}

export async function getProduct(storeId: string, productId: string) {
  const product = await prisma.product.findFirst({ where: { id: productId, storeId }, include: PRODUCT_INCLUDE });
  if (!product) throw notFound("Product");
  return product;
}

export function listProducts(storeId: string, opts: { q?: string; status?: "active" | "archived" | "all" } = {}) {
  const status = opts.status ?? "active";
  return prisma.product.findMany({
    where: {
      storeId,
      ...(status === "all" ? {} : { active: status === "active" }),
      ...(opts.q
        ? {
            OR: [
              { name: { contains: opts.q, mode: "insensitive" as const } },
              { description: { contains: opts.q, mode: "insensitive" as const } },
            ],
          }
        : {}),
    },
    include: PRODUCT_INCLUDE,
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

/** Counts for the dashboard: active products, active ones published to Stripe, and any not yet published. */
export async function productCounts(storeId: string) {
  const [active, published, unpublished] = await Promise.all([
    prisma.product.count({ where: { storeId, active: true } }),
    prisma.product.count({ where: { storeId, active: true, stripeProductId: { not: null } } }),
    prisma.product.count({ where: { storeId, stripeProductId: null } }),
  ]);
  return { active, published, unpublished };
}

/** The store's oldest products with their active prices (the dashboard's short list). */
export function listProductsWithActivePrices(storeId: string, take = 10) {
  return prisma.product.findMany({
    where: { storeId },
    include: { prices: { where: { active: true } } },
    orderBy: { createdAt: "asc" },
    take,
  });
}

/** Edits name, description, image; `active: false` archives (Stripe products are never deleted). */
export async function updateProduct(
  storeId: string,
  productId: string,
  input: UpdateProductInput,
  audit: AuditContext,
) {
  const product = await getProduct(storeId, productId);
  const restoring = input.active === true && !product.active;
  if (restoring) await checkHardLimit({ resource: "products", storeId });
  const account = await requireAccount(storeId);
  if (product.stripeProductId) {
    await callStripe(() =>
      getStripe().products.update(
        product.stripeProductId!,
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description ?? "" } : {}),
          ...(input.imageUrl !== undefined ? { images: input.imageUrl ? [input.imageUrl] : [] } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        },
        onAccount(account.accountId),
      ),
    );
  }
  const updating = prisma.$transaction(async (tx) => {
    if (restoring) {
      await lockHardLimit(tx, { resource: "products", storeId });
      const current = await tx.product.findUniqueOrThrow({ where: { id: product.id }, select: { active: true } });
      if (!current.active) await assertHardLimit(tx, { resource: "products", storeId });
    }
    const updated = await tx.product.update({ where: { id: product.id }, data: input, include: PRODUCT_INCLUDE });
    const action =
      input.active === false
        ? "catalog.product_archived"
        : input.active === true
          ? "catalog.product_restored"
          : "catalog.product_updated";
    await appendAudit(tx, audit, {
      action,
      storeId,
      target: { type: "product", id: product.id },
      before: { name: product.name, active: product.active, maxQuantity: product.maxQuantity },
      after: { name: updated.name, active: updated.active, maxQuantity: updated.maxQuantity },
    });
    return updated;
  }, LIMITED_CREATION_TX);
  return restoring
    ? updating.catch((err: unknown) => undoOnLimit(err, account.accountId, product.stripeProductId))
    : updating;
}

export async function addPrice(
  storeId: string,
  productId: string,
  input: PriceInput,
  audit: AuditContext,
  idempotencyKey: string = randomUUID(),
) {
  const product = await getProduct(storeId, productId);
  if (!product.stripeProductId) throw new AppError("account_not_connected", "This product is not on Stripe yet.");
  const account = await requireAccount(storeId);
  const price = await createStripePrice(
    account.accountId,
    product.stripeProductId,
    input,
    `vitrine:price:${storeId}:${idempotencyKey}`,
  );
  return prisma.$transaction(async (tx) => {
    const existing = await tx.price.findUnique({
      where: { storeId_stripePriceId: { storeId, stripePriceId: price.id } },
    });
    if (existing) return existing;
    const row = await tx.price.create({ data: priceRow(storeId, product.id, input, price.id) });
    await appendAudit(tx, audit, {
      action: "catalog.price_created",
      storeId,
      target: { type: "price", id: row.id },
      after: { unitAmount: row.unitAmount, currency: row.currency, type: row.type },
    });
    return row;
  });
}

export async function setPriceActive(storeId: string, priceId: string, active: boolean, audit: AuditContext) {
  const price = await prisma.price.findFirst({ where: { id: priceId, storeId } });
  if (!price) throw notFound("Price");
  const account = await requireAccount(storeId);
  if (price.stripePriceId)
    await callStripe(() => getStripe().prices.update(price.stripePriceId!, { active }, onAccount(account.accountId)));
  return prisma.$transaction(async (tx) => {
    const updated = await tx.price.update({ where: { id: price.id }, data: { active } });
    await appendAudit(tx, audit, {
      action: active ? "catalog.price_restored" : "catalog.price_archived",
      storeId,
      target: { type: "price", id: price.id },
      before: { active: price.active },
      after: { active },
    });
    return updated;
  });
}

/**
 * Publishes products that exist only in our database (e.g. seeded before the store connected
 * Stripe) to the connected account, so every active price can be sold.
 */
export async function publishLocalProducts(storeId: string, audit: AuditContext) {
  const account = await requireAccount(storeId);
  const local = await prisma.product.findMany({ where: { storeId, stripeProductId: null }, include: PRODUCT_INCLUDE });
  for (const product of local) {
    const sp = await callStripe(() =>
      getStripe().products.create(
        {
          name: product.name,
          description: product.description ?? undefined,
          images: product.imageUrl ? [product.imageUrl] : undefined,
          metadata: { storeId, vitrineProductId: product.id },
        },
        onAccount(account.accountId, `vitrine:publish:${product.id}`),
      ),
    );
    await prisma.product.update({ where: { id: product.id }, data: { stripeProductId: sp.id } });
    for (const price of product.prices.filter((p) => !p.stripePriceId)) {
      const input: PriceInput = {
        unitAmount: price.unitAmount,
        currency: price.currency as PriceInput["currency"],
        type: price.type === "RECURRING" ? "recurring" : "one_time",
        interval: price.interval === "YEAR" ? "year" : price.interval === "MONTH" ? "month" : undefined,
        trialDays: price.trialDays ?? undefined,
      };
      const sprice = await createStripePrice(account.accountId, sp.id, input, `vitrine:publish:${price.id}`);
      await prisma.price.update({ where: { id: price.id }, data: { stripePriceId: sprice.id } });
    }
  }
  if (local.length)
    await prisma.$transaction((tx) =>
      appendAudit(tx, audit, { action: "catalog.published", storeId, after: { products: local.length } }),
    );
  return local.length;
}
