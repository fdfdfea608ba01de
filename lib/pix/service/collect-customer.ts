// The buyer gives the data a gateway needs on the payment page (issue #12). A charge created with
// `collectCustomer` that no gateway could take with what the store sent waits as
// `awaiting_customer` — no gateway, no BR Code. The page asks for the missing fields of the first
// gateway (in the store's failover order) that the buyer's data can make chargeable; the answer is
// stored on the charge and the same failover as any charge creates it at a gateway.
import { assertStoreTakesPayments } from "@/lib/tenancy/review";
import "server-only";
import { Prisma, type PixCharge } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { customerProblems, normaliseCustomer, type CustomerField, type CustomerProblem } from "@/lib/pix/customer";
import { getPixGatewayDefinition } from "@/lib/pix/registry";
import type { PixCustomer, PixCustomerRequirements } from "@/lib/pix/types";
import { applyPixStatusTx, lockCharge, type StatusReport } from "./apply";
import { createAtFirstGateway, planFailover, storeGatewayConfigs } from "./failover";
import { SYSTEM_AUDIT } from "./refresh";
import type { BuyerCustomerInput } from "./schemas";

/** What the payment page asks the buyer for; `document` says whether a CNPJ is accepted too. */
export type CustomerForm = { fields: CustomerField[]; document: PixCustomerRequirements["document"] };

function storedCustomer(value: unknown): PixCustomer | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  const out: PixCustomer = {};
  for (const f of ["name", "email", "document", "phone"] as const) if (typeof v[f] === "string") out[f] = v[f];
  return out;
}

/**
 * The fields to ask for: what the first gateway (by priority) that more buyer data would unlock
 * still lacks. Empty when a gateway can already take the charge (one was added or fixed since);
 * null when no gateway can, whatever the buyer types.
 */
export async function customerFormFor(
  charge: Pick<PixCharge, "storeId" | "amountCentavos" | "customer">,
): Promise<CustomerForm | null> {
  const { chargeable } = await storeGatewayConfigs(charge.storeId);
  const plan = planFailover(chargeable, charge.amountCentavos, storedCustomer(charge.customer));
  const target = plan.find((p) => !p.skip || p.skip.code === "customer_data_missing");
  if (!target) return null;
  return {
    fields: target.skip?.fields ?? [],
    document: getPixGatewayDefinition(target.config.gateway).customer.document,
  };
}

/** Only the asked fields, checked as the gateway will check them. */
function formRequirements(form: CustomerForm): PixCustomerRequirements {
  return {
    name: form.fields.includes("name"),
    email: form.fields.includes("email"),
    phone: form.fields.includes("phone"),
    document: form.fields.includes("document") ? form.document : false,
  };
}

function refusal(problems: CustomerProblem[], form: CustomerForm): AppError {
  const first = problems[0]!;
  const what = first.field === "document" ? (form.document === "cpf_or_cnpj" ? "CPF or CNPJ" : "CPF") : first.field;
  const message =
    first.reason === "missing"
      ? `${first.field}: Enter your ${what}.`
      : first.field === "document"
        ? `document: This ${what} is not valid (check digits).`
        : first.field === "phone"
          ? "phone: Enter a Brazilian phone with area code (10 or 11 digits)."
          : `${first.field}: This ${what} is not valid.`;
  // why no values in the error: the body may be logged or shown; the buyer's page knows what was typed.
  if (first.field === "document" && first.reason === "invalid")
    return new AppError("invalid_cpf", message, { param: "document", details: { problems } });
  return new AppError("validation_failed", message, {
    param: first.field,
    details: { reason: `${first.reason}_${first.field}`, problems },
  });
}

function notAwaiting(charge: Pick<PixCharge, "status">, expired: boolean): AppError {
  return new AppError(
    "charge_not_awaiting_customer",
    expired
      ? "This PIX charge expired: ask the store for a new payment link."
      : "This PIX charge already has the buyer's data.",
    { details: { status: expired ? "failed" : charge.status, reason: expired ? "expired" : "customer_given" } },
  );
}

/**
 * A claimed charge whose gateway call never finished (the process died in between) stays pending
 * without a gateway; well past its expiry it is expired like the rest. Far longer than any failover
 * can take (a 15 s timeout per gateway), so a creation still in flight is never overtaken.
 */
export const STUCK_CREATION_GRACE_MS = 10 * 60_000;

/**
 * Expires a charge that has no gateway charge once its time is up: one still awaiting the buyer's
 * data, or one stuck in creation (see STUCK_CREATION_GRACE_MS). Reconciler, buyer page, late submit.
 * False if it moved on meanwhile.
 */
export async function expireAwaitingCharge(
  chargeId: string,
  source: StatusReport["source"],
  now = new Date(),
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const charge = await lockCharge(tx, chargeId);
    const expiresAt = charge.expiresAt?.getTime();
    if (expiresAt === undefined || charge.gateway) return false;
    const due =
      charge.status === "awaiting_customer"
        ? expiresAt <= now.getTime()
        : charge.status === "pending" && expiresAt + STUCK_CREATION_GRACE_MS < now.getTime();
    if (!due) return false;
    await applyPixStatusTx(
      tx,
      chargeId,
      { status: "failed", failureCode: "expired", verified: true, source },
      SYSTEM_AUDIT,
    );
    return true;
  });
}

/**
 * Stores the buyer's data on an `awaiting_customer` charge and creates it at a gateway. One
 * conditional UPDATE (awaiting_customer → pending, before expiry) claims the charge, so two
 * submits never create two gateway charges: the second gets 409. When every gateway fails the
 * charge goes back to awaiting the data (attempts kept), so the buyer can try again.
 */
export async function submitPixCustomer(
  chargeId: string,
  input: BuyerCustomerInput,
  audit: AuditContext,
  now = new Date(),
  /** The language of the buyer filling the form (lib/i18n/buyer-locale.ts): their receipt's. */
  buyerLocale?: Locale,
): Promise<void> {
  const charge = await prisma.pixCharge.findUnique({ where: { id: chargeId } });
  if (!charge) throw notFound("PIX charge");
  if (charge.status !== "awaiting_customer") throw notAwaiting(charge, false);
  // The buyer's data would now open a gateway charge: a new payment, refused while the store is suspended.
  await assertStoreTakesPayments(charge.storeId);
  if (!charge.expiresAt || charge.expiresAt <= now) {
    await expireAwaitingCharge(charge.id, "refresh", now);
    throw notAwaiting(charge, true);
  }
  const form = await customerFormFor(charge);
  if (!form)
    throw new AppError(
      "no_active_gateway",
      "This store cannot take PIX payments right now: ask it for another way to pay.",
    );
  const given = normaliseCustomer(Object.fromEntries(form.fields.map((f) => [f, input[f]])));
  const customer: PixCustomer = { ...storedCustomer(charge.customer), ...given };
  const problems = customerProblems(formRequirements(form), customer);
  if (problems.length) throw refusal(problems, form);

  const { count } = await prisma.pixCharge.updateMany({
    where: { id: charge.id, status: "awaiting_customer", expiresAt: { gt: now } },
    data: {
      status: "pending",
      customer: customer as Prisma.InputJsonValue,
      ...(buyerLocale ? { buyerLocale } : {}),
    },
  });
  if (count === 0) {
    const current = await prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id }, select: { status: true } });
    throw notAwaiting(current, current.status === "awaiting_customer");
  }

  const { chargeable } = await storeGatewayConfigs(charge.storeId);
  const remainingSeconds = Math.ceil((charge.expiresAt.getTime() - Date.now()) / 1000);
  const result = await createAtFirstGateway(charge, planFailover(chargeable, charge.amountCentavos, customer), {
    customer,
    // The charge keeps the lifetime it was created with (a gateway needs a minute at least).
    expiresInSeconds: Math.max(60, remainingSeconds),
    expiresAt: charge.expiresAt,
    audit,
    auditAfter: { source: "buyer_page", customerFields: form.fields },
  });
  if (result.charge) return;
  await prisma.pixCharge.updateMany({
    where: { id: charge.id, status: "pending", gateway: null },
    data: {
      status: "awaiting_customer",
      customer: charge.customer === null ? Prisma.DbNull : (charge.customer as Prisma.InputJsonValue),
    },
  });
  // The attempts say which gateway failed how; the buyer only needs to know to try again.
  throw new AppError("all_gateways_failed", "The PIX code could not be generated right now; try again in a moment.", {
    retryAfterSeconds: 10,
  });
}
