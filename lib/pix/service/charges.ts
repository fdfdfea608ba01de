// PIX charges: create with failover over the store's active gateways (./failover.ts), or as
// awaiting the buyer's data (./collect-customer.ts); read for the seller and the buyer, refresh
// from the gateway, and the seller's manual confirmation of direct-key payments.
import { assertStoreTakesPayments } from "@/lib/tenancy/review";
import "server-only";
import type { PixCharge, Prisma } from "@/generated/prisma/client";
import { paidRedirectUrl } from "@/lib/tenancy/after-payment";
import { receiptPdfPath } from "@/lib/checkout/receipt-links";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { logger } from "@/lib/log/logger";
import { formatReais } from "@/lib/pix/money";
import { normaliseCustomer, requiredFields } from "@/lib/pix/customer";
import { newPixReference } from "@/lib/pix/reference";
import { pixDisputeView } from "@/lib/pix/disputes";
import { getPixGatewayDefinition } from "@/lib/pix/registry";
import { applyPixStatus } from "./apply";
import { customerFormFor, expireAwaitingCharge } from "./collect-customer";
import { describeGatewayError, gatewayAppError } from "./errors";
import { createAtFirstGateway, planFailover, storeGatewayConfigs, type Skip } from "./failover";
import { accountReadBudgetOf, readIntervalMs } from "./read-budget";
import { type CheckResult, checkChargeAtGateway } from "./refresh";
import type { CreateChargeInput, ListChargesQuery } from "./schemas";
import {
  customerView,
  gatewayName,
  qrOf,
  refundableOf,
  toChargeListItem,
  toChargeView,
  type PixChargeDetail,
  type PixChargeView,
  type PublicPixCharge,
} from "./views";

export const DEFAULT_EXPIRES_IN_SECONDS = 3600;
export { nextCheckAfter } from "./failover";

/** The 422 when no gateway can take the charge as asked: names what the first gateway by priority needs. */
function refusalOf(config: { gateway: string }, skip: Skip): AppError {
  if (skip.code === "customer_data_missing") {
    const field = skip.fields?.[0] ?? "name";
    return new AppError("validation_failed", `customer.${field}: ${skip.message}.`, {
      param: `customer.${field}`,
      details: {
        gateway: config.gateway,
        requiredFields: requiredFields(getPixGatewayDefinition(config.gateway).customer),
        missing: skip.fields,
      },
    });
  }
  return new AppError("validation_failed", `split: ${skip.message}.`, {
    param: "split",
    details: { gateway: config.gateway },
  });
}

function sameRequest(
  existing: { amountCentavos: number; description: string; externalOrderId: string | null },
  input: CreateChargeInput,
) {
  return (
    existing.amountCentavos === input.amountCentavos &&
    existing.description === input.description &&
    existing.externalOrderId === (input.orderId ?? null)
  );
}

/**
 * Creates a charge at the first active gateway (by priority) that accepts it. With
 * `collectCustomer`, a charge no gateway can take with the buyer data given (but one could with
 * more of it) is stored as `awaiting_customer`, without a gateway: the buyer's payment page asks
 * for the data and creates it then (./collect-customer.ts).
 */
export async function createPixCharge(
  storeId: string,
  actor: AuditContext,
  input: CreateChargeInput,
  /** A charge a buyer page starts: the buyer's language (lib/i18n/buyer-locale.ts), for their receipt. An API caller sends `input.buyerLocale`. */
  opts: { buyerLocale?: Locale } = {},
): Promise<PixChargeView> {
  // Suspended by the platform or still under review: no new PIX charge.
  await assertStoreTakesPayments(storeId);
  if (input.idempotencyKey) {
    const existing = await prisma.pixCharge.findUnique({
      where: { storeId_idempotencyKey: { storeId, idempotencyKey: input.idempotencyKey } },
    });
    if (existing) {
      if (!sameRequest(existing, input))
        throw new AppError("idempotency_conflict", "This Idempotency-Key was used with a different charge.");
      // The first request is still talking to the gateway: say so instead of answering without a code.
      if (existing.status === "pending" && !existing.brCode)
        throw new AppError(
          "request_in_progress",
          "A request with this Idempotency-Key is still being processed; retry in a moment.",
        );
      return toChargeView(existing);
    }
  }
  const { active, chargeable: configs } = await storeGatewayConfigs(storeId);
  if (configs.length === 0)
    throw new AppError(
      "no_active_gateway",
      active.length
        ? "Your active PIX gateways are not verified yet: verify their credentials before creating charges."
        : "Set up, verify and activate a PIX gateway before creating charges.",
    );
  // Gateways the buyer's data (or the config's split) cannot satisfy are skipped, and say why.
  const customer = normaliseCustomer(input.customer);
  const plan = planFailover(configs, input.amountCentavos, customer);
  if (plan.length === 0) {
    const minimum = Math.min(...configs.map((c) => getPixGatewayDefinition(c.gateway).minimumCentavos));
    throw new AppError(
      "amount_below_minimum",
      `amountCentavos: The minimum PIX charge for your gateways is ${formatReais(minimum)} (${minimum} centavos).`,
      { param: "amountCentavos" },
    );
  }
  const awaitCustomer = !plan.some((p) => !p.skip);
  if (awaitCustomer && !(input.collectCustomer && plan.some((p) => p.skip!.code === "customer_data_missing")))
    throw refusalOf(plan[0]!.config, plan[0]!.skip!);

  const expiresInSeconds = input.expiresInSeconds ?? DEFAULT_EXPIRES_IN_SECONDS;
  let charge;
  try {
    charge = await prisma.$transaction(async (tx) => {
      const row = await tx.pixCharge.create({
        data: {
          storeId,
          reference: newPixReference(),
          amountCentavos: input.amountCentavos,
          description: input.description,
          externalOrderId: input.orderId ?? null,
          customer: (customer ?? undefined) as Prisma.InputJsonValue | undefined,
          idempotencyKey: input.idempotencyKey ?? null,
          buyerLocale: opts.buyerLocale ?? input.buyerLocale ?? null,
          status: awaitCustomer ? "awaiting_customer" : "pending",
          // Waiting for the buyer counts against the charge's lifetime: it expires like a pending one.
          ...(awaitCustomer ? { expiresAt: new Date(Date.now() + expiresInSeconds * 1000) } : {}),
        },
      });
      if (awaitCustomer)
        await appendAudit(tx, actor, {
          action: "pix_charge.awaiting_customer",
          storeId,
          target: { type: "pix_charge", id: row.id },
          after: {
            amountCentavos: input.amountCentavos,
            orderId: input.orderId ?? null,
            // Which fields the buyer will be asked for; never their values.
            missing: plan.find((p) => p.skip!.code === "customer_data_missing")!.skip!.fields,
          },
        });
      return row;
    });
  } catch (err) {
    // A concurrent request with the same key won the race: answer with its charge.
    if (input.idempotencyKey && isUniqueViolation(err)) return createPixCharge(storeId, actor, input);
    throw err;
  }
  if (awaitCustomer) return toChargeView(charge);

  const result = await createAtFirstGateway(charge, plan, { customer, expiresInSeconds, audit: actor });
  if (result.charge) return toChargeView(result.charge);
  const { errors } = result;
  // Nothing worked: the charge stays as a failed record with its attempts; the key is freed so a retry can try again.
  await prisma.$transaction(async (tx) => {
    await tx.pixCharge.update({
      where: { id: charge.id },
      data: {
        status: "failed",
        failureCode: "all_gateways_failed",
        failureMessage: errors.join("; ").slice(0, 500),
        idempotencyKey: null,
      },
    });
    await appendAudit(tx, actor, {
      action: "pix_charge.create_failed",
      storeId,
      target: { type: "pix_charge", id: charge.id },
      after: { amountCentavos: input.amountCentavos, attempts: errors.length },
    });
  });
  throw new AppError("all_gateways_failed", `No PIX gateway could create the charge (${errors.join("; ")}).`);
}

export async function listPixCharges(storeId: string, query: Partial<ListChargesQuery> = {}) {
  const take = query.limit ?? 50;
  const rows = await prisma.pixCharge.findMany({
    where: { storeId, ...(query.status ? { status: query.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  return {
    data: rows.slice(0, take).map(toChargeListItem),
    nextCursor: rows.length > take ? rows[take - 1]!.id : null,
  };
}

async function findOwnedCharge(storeId: string, id: string) {
  const charge = await prisma.pixCharge.findFirst({ where: { id, storeId } });
  if (!charge) throw notFound("PIX charge");
  return charge;
}

export async function getPixCharge(storeId: string, id: string): Promise<PixChargeDetail> {
  const charge = await prisma.pixCharge.findFirst({
    where: { id, storeId },
    include: {
      attempts: { orderBy: { createdAt: "asc" } },
      refunds: { orderBy: { createdAt: "asc" } },
      disputes: { orderBy: { openedAt: "desc" } },
      gatewayConfig: { select: { label: true } },
    },
  });
  if (!charge) throw notFound("PIX charge");
  const { attempts, refunds, disputes, gatewayConfig, ...row } = charge;
  const capabilities = row.gateway ? getPixGatewayDefinition(row.gateway).capabilities : null;
  return {
    ...(await toChargeView(row)),
    transactionId: row.transactionId,
    endToEndId: row.endToEndId,
    customer: customerView(row.customer),
    gatewayConfigId: row.gatewayConfigId,
    gatewayLabel: gatewayConfig?.label ?? null,
    canRefund: !!capabilities?.refund && refundableOf(row, refunds) > 0,
    refundableCentavos: capabilities?.refund ? refundableOf(row, refunds) : 0,
    manualConfirmation: row.gateway === "direct_key",
    attempts: attempts.map(({ id, gateway, gatewayConfigId, ok, errorCode, errorMessage, durationMs, createdAt }) => ({
      id,
      gateway,
      gatewayConfigId,
      ok,
      errorCode,
      errorMessage,
      durationMs,
      createdAt,
    })),
    refunds: refunds.map(({ id, amountCentavos, status, reason, failureMessage, createdAt }) => ({
      id,
      amountCentavos,
      status,
      reason,
      failureMessage,
      createdAt,
    })),
    disputes: disputes.map(pixDisputeView),
  };
}

/**
 * Whether the buyer page shows a charge: any charge made at a gateway, and one that waits (or
 * waited) for the buyer's data — awaiting it, being created at a gateway (pending without one), or
 * expired while waiting. A charge no gateway would create (all_gateways_failed) has no page.
 */
function shownToBuyer(charge: Pick<PixCharge, "gateway" | "status" | "failureCode">): boolean {
  return (
    !!charge.gateway ||
    charge.status === "awaiting_customer" ||
    charge.status === "pending" ||
    (charge.status === "failed" && charge.failureCode === "expired")
  );
}

/** The buyer page's view: no customer data, no gateway ids. */
export async function getPublicPixCharge(id: string): Promise<PublicPixCharge> {
  const charge = await prisma.pixCharge.findUnique({
    where: { id },
    include: {
      store: { select: { name: true, afterPayment: true, afterPaymentSuccessUrl: true, afterPaymentCancelUrl: true } },
    },
  });
  if (!charge || !shownToBuyer(charge)) throw notFound("PIX charge");
  const paid = charge.status !== "pending" && charge.status !== "failed";
  return {
    id: charge.id,
    status: charge.status,
    amountCentavos: charge.amountCentavos,
    description: charge.description,
    storeName: charge.store.name,
    // why: once settled the code is useless to the buyer and paying it again would be a mistake.
    brCode: paid ? null : charge.brCode,
    qrPngDataUrl: paid ? null : await qrOf(charge),
    expiresAt: charge.expiresAt,
    paidAt: charge.paidAt,
    gateway: charge.gateway,
    gatewayName: gatewayName(charge.gateway),
    // The seller's reference when they sent one, else ours (as Checkout and Elements do).
    paidRedirectUrl: paidRedirectUrl(charge.store, charge.externalOrderId ?? charge.id),
    customerForm: charge.status === "awaiting_customer" ? await customerFormFor(charge) : null,
    ...buyerReceiptFacts(charge),
  };
}

/** What the buyer's receipt shows once the charge is paid: the bank's end-to-end id and the PDF link. */
function buyerReceiptFacts(charge: Pick<PixCharge, "id" | "status" | "paidAt" | "endToEndId">) {
  const paid = !!charge.paidAt && BUYER_RECEIPT_STATES.has(charge.status);
  return {
    endToEndId: paid ? charge.endToEndId : null,
    receiptPdfUrl: paid ? receiptPdfPath("pix_charge", charge.id) : null,
  };
}
const BUYER_RECEIPT_STATES = new Set(["paid", "refunded", "disputed"]);

/**
 * The buyer page never polls faster than the minimum, nor slower than the cap. The cap is short:
 * a poll reads our own database, so a payment a webhook confirmed shows within seconds; the
 * gateway itself is asked only when its read budget allows (a minute for PushinPay), whatever the
 * page's pace.
 */
export const BUYER_POLL_MIN_SECONDS = 3;
export const BUYER_POLL_MAX_SECONDS = 5;
/** Direct key: no gateway to ask; the seller confirms by hand. */
export const DIRECT_KEY_POLL_SECONDS = 10;

/**
 * The buyer page's polling: the status from our database, and — when the gateway's read budget
 * allows (lib/pix/service/read-budget.ts) — a re-read at the gateway. `pollAfterSeconds` tells the
 * page when to ask again: when the budget next lets Vitrine ask the gateway, so the page never polls
 * faster than the gateway may be read. Webhooks stay the primary signal.
 */
export async function getPublicPixStatus(id: string, now = new Date()) {
  let charge = await prisma.pixCharge.findUnique({ where: { id } });
  if (!charge || !shownToBuyer(charge)) throw notFound("PIX charge");
  // Waiting for the buyer's data past its time: it expires as a pending charge would.
  if (charge.status === "awaiting_customer" && charge.expiresAt && charge.expiresAt <= now) {
    await expireAwaitingCharge(charge.id, "refresh", now);
    charge = await prisma.pixCharge.findUniqueOrThrow({ where: { id } });
  }
  let pollAfterMs: number | null = null;
  if (charge.status === "pending") {
    // No gateway yet: the buyer's data was just taken and the code is being generated.
    if (!charge.gateway) pollAfterMs = BUYER_POLL_MIN_SECONDS * 1000;
    else if (charge.gateway === "direct_key") pollAfterMs = DIRECT_KEY_POLL_SECONDS * 1000;
    else {
      const interval = readIntervalMs(charge.gateway);
      // Webhooks first: during the charge's first interval the buyer's polling leaves the gateway
      // alone, so the read budget is there for the webhook's re-read when the payment arrives.
      const opensAt = new Date(charge.createdAt.getTime() + interval);
      let retryAt = opensAt > now ? opensAt : new Date(now.getTime() + interval);
      if (opensAt <= now) {
        try {
          const { applied, deferredUntil } = await checkChargeAtGateway(charge, "refresh", now);
          if (applied) charge = applied.charge;
          if (deferredUntil) retryAt = deferredUntil;
        } catch (err) {
          logger.warn(
            { chargeId: id, code: describeGatewayError(err).code },
            "pix: status re-read for the buyer page failed",
          );
        }
      }
      pollAfterMs = retryAt.getTime() - now.getTime();
    }
  }
  const pollAfterSeconds =
    pollAfterMs === null || charge.status !== "pending"
      ? null
      : Math.min(BUYER_POLL_MAX_SECONDS, Math.max(BUYER_POLL_MIN_SECONDS, Math.ceil(pollAfterMs / 1000)));
  return {
    id: charge.id,
    status: charge.status,
    amountCentavos: charge.amountCentavos,
    expiresAt: charge.expiresAt,
    paidAt: charge.paidAt,
    pollAfterSeconds,
    /** The QR code / copia e cola exists (false while a charge awaits the buyer's data or is being created). */
    hasCode: !!charge.brCode,
    ...buyerReceiptFacts(charge),
  };
}

/** The seller's "check now": re-read at the gateway and apply. */
export async function refreshPixCharge(storeId: string, id: string): Promise<PixChargeDetail> {
  const charge = await findOwnedCharge(storeId, id);
  // A failed (expired) charge is re-read too: a late payment the gateway confirms still lands.
  if (charge.transactionId && (charge.status === "pending" || charge.status === "paid" || charge.status === "failed")) {
    let checked: CheckResult;
    const now = new Date();
    try {
      checked = await checkChargeAtGateway(charge, "refresh", now);
      await prisma.pixCharge.update({ where: { id }, data: { lastCheckedAt: now } });
    } catch (err) {
      throw gatewayAppError(err);
    }
    const { deferredUntil, deferredBy } = checked;
    if (deferredUntil) {
      const seconds = Math.max(1, Math.ceil((deferredUntil.getTime() - now.getTime()) / 1000));
      const name = gatewayName(charge.gateway) ?? "The gateway";
      const account = deferredBy === "account" ? accountReadBudgetOf(charge.gateway ?? "") : null;
      const limit = account
        ? `${name} allows ${account.reads} status checks per account every ${Math.round(account.windowMs / 1000)} s, and your other charges used them`
        : `${name} allows one status check per charge every ${Math.round(readIntervalMs(charge.gateway ?? "") / 1000)} s`;
      throw new AppError(
        "rate_limited",
        `${limit}; try again in ${seconds} s. Its webhook reports the payment as soon as it happens.`,
        { retryAfterSeconds: seconds },
      );
    }
  }
  return getPixCharge(storeId, id);
}

/** Direct key: nobody tells us about the payment, so the seller confirms it after seeing it in their bank. */
export async function confirmDirectKeyCharge(
  storeId: string,
  actor: AuditContext,
  id: string,
): Promise<PixChargeDetail> {
  const charge = await findOwnedCharge(storeId, id);
  if (charge.gateway !== "direct_key")
    throw new AppError(
      "conflict",
      "Only charges to a direct Pix key are confirmed by hand; this gateway confirms payments itself.",
    );
  if (charge.status !== "pending" && charge.status !== "failed")
    throw new AppError("conflict", `This charge is already ${charge.status}.`);
  await applyPixStatus(
    id,
    { status: "paid", amountCentavos: charge.amountCentavos, verified: true, source: "seller" },
    actor,
  );
  return getPixCharge(storeId, id);
}
