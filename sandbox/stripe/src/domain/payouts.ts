/**
 * Payouts and the automatic payout schedule, driven by the emulator clock.
 *
 * Each UTC day at PAYOUT_HOUR, every connected account with payouts enabled and a `daily` schedule
 * (the default) gets one automatic payout per currency of everything available at that moment;
 * the payout sweeps those balance transactions (what `GET /v1/balance_transactions?payout=` lists).
 * A payout is `pending`, goes `in_transit` an hour later and is `paid` at `arrival_date` (the next
 * UTC midnight). `POST /_emulator/payouts/:id/fail` fails one: its amount returns to the balance
 * as a `payout_failure` transaction and is swept again by the next automatic payout.
 */
import type Stripe from "stripe";
import type { EmulatorApp } from "../app";
import { systemCtx, type Ctx } from "../context";
import { invalidRequest } from "../errors";
import { emit } from "../events";
import { newId } from "../ids";
import type { Rec, Scope } from "../store";
import { balanceAt, DAY, dayStart, ledger, payoutSchedule } from "./ledger";

export const PAYOUT_HOUR = 12;
const IN_TRANSIT_AFTER = 3600;

export const FAILURE_MESSAGES: Record<string, string> = {
  account_closed: "The bank account has been closed.",
  account_frozen: "The bank account has been frozen.",
  could_not_process: "The bank could not process this payout.",
  insufficient_funds: "Your Stripe account has insufficient funds to cover the payout.",
  invalid_account_number: "The bank account number is invalid.",
  no_account: "The bank account details on file are probably incorrect.",
};

type PayoutInput = {
  amount: number;
  currency: string;
  created: number;
  automatic: boolean;
  description?: string | null;
  metadata?: Record<string, string>;
  method?: string;
  statementDescriptor?: string | null;
  transactions?: string[];
};

/** The account's bank account as a stable `ba_` id (external accounts are not modelled). */
function bankAccountOf(scope: Scope): string {
  return `ba_${(scope ?? "platform").slice((scope ?? "_").lastIndexOf("_") + 1)}`;
}

export function createPayout(ctx: Ctx, input: PayoutInput): Rec<"payout"> {
  const txn = newId("txn");
  const payout: Stripe.Payout = {
    id: newId("po"),
    object: "payout",
    amount: input.amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: dayStart(input.created) + DAY,
    automatic: input.automatic,
    balance_transaction: txn,
    created: input.created,
    currency: input.currency,
    description: input.description ?? (input.automatic ? "STRIPE PAYOUT" : null),
    destination: bankAccountOf(ctx.scope),
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: input.metadata ?? {},
    method: input.method ?? "standard",
    original_payout: null,
    payout_method: null,
    reconciliation_status: input.automatic ? "in_progress" : "not_applicable",
    reversed_by: null,
    source_type: "card",
    statement_descriptor: input.statementDescriptor ?? null,
    status: "pending",
    trace_id: null,
    type: "bank_account",
  };
  const rec = ctx.app.store.insert("payout", ctx.scope, payout, {
    transactions: [...(input.transactions ?? []), txn],
    failedAt: null,
  });
  emit(ctx, "payout.created", rec.obj);
  return rec;
}

/** `POST /v1/payouts`: a manual payout, never above what is available in that currency. */
export function createManualPayout(ctx: Ctx, input: Omit<PayoutInput, "created" | "automatic">): Rec<"payout"> {
  if (ctx.scope) {
    const account = ctx.app.store.find("account", ctx.scope)?.obj;
    if (!account?.payouts_enabled)
      throw invalidRequest("Payouts are not enabled for this account. Complete onboarding to enable payouts.", {
        code: "payouts_not_allowed",
      });
  }
  const available = balanceAt(ctx.app, ctx.scope).available.find((b) => b.currency === input.currency)?.amount ?? 0;
  if (input.amount > available)
    throw invalidRequest(
      "You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance).",
      { code: "balance_insufficient", param: "amount" },
    );
  return createPayout(ctx, { ...input, created: ctx.app.clock.now(), automatic: false });
}

export function failPayout(ctx: Ctx, rec: Rec<"payout">, code: string): Stripe.Payout {
  const p = rec.obj;
  if (p.status !== "pending" && p.status !== "in_transit")
    throw invalidRequest(`Payout ${p.id} is ${p.status} and can no longer fail.`, { code: "payout_not_pending" });
  const now = ctx.app.clock.now();
  const previous = { status: p.status, failure_code: null, failure_message: null, failure_balance_transaction: null };
  p.status = "failed";
  p.failure_code = code;
  p.failure_message = FAILURE_MESSAGES[code] ?? FAILURE_MESSAGES.could_not_process;
  p.failure_balance_transaction = newId("txn");
  if (p.automatic) p.reconciliation_status = "completed";
  rec.x.failedAt = now;
  emit(ctx, "payout.updated", p, previous);
  emit(ctx, "payout.failed", p);
  emit(ctx, "balance.available", balanceAt(ctx.app, ctx.scope, now));
  return p;
}

/** Payout creation moments (PAYOUT_HOUR each UTC day) in (from, to]. */
function payoutMoments(from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = dayStart(from) + PAYOUT_HOUR * 3600; t <= to; t += DAY) if (t > from) out.push(t);
  return out;
}

function sweep(app: EmulatorApp, scope: string, at: number): void {
  const ctx = systemCtx(app, scope);
  const swept = new Set(app.store.list("payout", scope, (p) => p.obj.automatic).flatMap((p) => p.x.transactions));
  const balance = balanceAt(app, scope, at);
  const entries = ledger(app, scope, at);
  for (const b of balance.available) {
    if (b.amount <= 0) continue;
    const transactions = entries
      .filter((e) => e.currency === b.currency && e.available_on <= at && !swept.has(e.id))
      .map((e) => e.id);
    createPayout(ctx, { amount: b.amount, currency: b.currency, created: at, automatic: true, transactions });
  }
}

function advanceStatuses(app: EmulatorApp, to: number): void {
  for (const rec of app.store
    .list("payout", "*", (p) => p.obj.status === "pending" || p.obj.status === "in_transit")
    .reverse()) {
    const ctx = systemCtx(app, rec.scope);
    const p = rec.obj;
    if (p.status === "pending" && to >= p.created + IN_TRANSIT_AFTER) {
      p.status = "in_transit";
      emit(ctx, "payout.updated", p, { status: "pending" });
    }
    if (to >= p.arrival_date) {
      const previous = { status: p.status };
      p.status = "paid";
      if (p.automatic) p.reconciliation_status = "completed";
      emit(ctx, "payout.updated", p, previous);
      emit(ctx, "payout.paid", p);
    }
  }
}

/**
 * Runs the money side of a clock step from `from` to `to` (at most a day): funds becoming
 * available (`balance.available`), the daily automatic payouts, and payout status changes.
 */
export function processBalance(app: EmulatorApp, from: number, to: number): void {
  const accounts = app.store.list("account", "*").map((a) => a.obj);
  type Moment = { at: number; account: string; kind: "available" | "payout" };
  const moments: Moment[] = [];
  for (const account of accounts) {
    const becameAvailable = new Set(
      ledger(app, account.id, to)
        .filter((e) => e.available_on > from && e.available_on <= to && e.available_on > e.created)
        .map((e) => e.available_on),
    );
    for (const at of becameAvailable) moments.push({ at, account: account.id, kind: "available" });
    if (account.payouts_enabled && payoutSchedule(app, account.id).interval === "daily")
      for (const at of payoutMoments(from, to)) moments.push({ at, account: account.id, kind: "payout" });
  }
  moments.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === "available" ? -1 : 1));
  for (const m of moments) {
    if (m.kind === "available") emit(systemCtx(app, m.account), "balance.available", balanceAt(app, m.account, m.at));
    else sweep(app, m.account, m.at);
  }
  advanceStatuses(app, to);
}
