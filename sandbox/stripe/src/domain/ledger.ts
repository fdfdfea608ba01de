/**
 * Balance transactions, derived from the records that move money (charges, refunds, application
 * fees and their refunds, disputes, destination transfers, payouts). Deriving them instead of
 * writing a second copy keeps every existing money path (Checkout, Elements, renewals, refunds)
 * feeding the balance without touching it. A charge's funds are `pending` until `available_on`:
 * the start of the UTC day the charge was made plus the account's payout delay (2 days by default),
 * as on Stripe's rolling schedules; debits (refunds, disputes, payouts) are available at once.
 * Stripe's own processing fees are not modelled: a charge's `fee` is the application fee only.
 */
import type Stripe from "stripe";
import type { EmulatorApp } from "../app";
import { idOf } from "../ids";
import type { Scope } from "../store";

export const DAY = 86400;
export const DEFAULT_DELAY_DAYS = 2;

export type LedgerEntry = Stripe.BalanceTransaction & { source: string };

export const dayStart = (ts: number) => ts - (((ts % DAY) + DAY) % DAY);

/** `txn_` id for entries whose source carries no balance_transaction of its own. */
function derivedTxn(tag: string, sourceId: string): string {
  return `txn_${tag}${sourceId.slice(sourceId.lastIndexOf("_") + 1)}`;
}

export function payoutSchedule(app: EmulatorApp, scope: Scope): { interval: string; delayDays: number } {
  const account = scope ? app.store.find("account", scope)?.obj : undefined;
  const schedule = account?.settings?.payouts?.schedule;
  return { interval: schedule?.interval ?? "daily", delayDays: schedule?.delay_days ?? DEFAULT_DELAY_DAYS };
}

type EntryInput = {
  id: string;
  type: Stripe.BalanceTransaction.Type;
  amount: number;
  fee?: number;
  currency: string;
  created: number;
  availableOn: number;
  source: string;
  description: string | null;
  category: string;
};

function entry(e: EntryInput, now: number): LedgerEntry {
  const fee = e.fee ?? 0;
  return {
    id: e.id,
    object: "balance_transaction",
    amount: e.amount,
    available_on: e.availableOn,
    balance_type: "payments",
    created: e.created,
    currency: e.currency,
    description: e.description,
    exchange_rate: null,
    fee,
    fee_details: fee
      ? [
          {
            amount: fee,
            application: "ca_VitrineEmulator",
            currency: e.currency,
            description: "Application fee",
            type: "application_fee",
          },
        ]
      : [],
    net: e.amount - fee,
    reporting_category: e.category,
    source: e.source,
    status: e.availableOn <= now ? "available" : "pending",
    type: e.type,
  };
}

/** Every balance transaction of `scope` as seen at `now` (newest first), including future ones' pending state. */
export function ledger(app: EmulatorApp, scope: Scope, now = app.clock.now()): LedgerEntry[] {
  const { delayDays } = payoutSchedule(app, scope);
  const settle = (created: number, delay = delayDays) => dayStart(created) + delay * DAY;
  const out: EntryInput[] = [];
  for (const ch of app.store.list("charge", "*", (c) => c.obj.status === "succeeded")) {
    const c = ch.obj;
    const destination = idOf(c.transfer_data?.destination ?? null);
    const appFee = c.application_fee_amount ?? 0;
    if (ch.scope === scope) {
      out.push({
        id: c.balance_transaction ? String(idOf(c.balance_transaction)) : derivedTxn("ch", c.id),
        type: "charge",
        amount: c.amount,
        fee: scope !== null && !destination ? appFee : 0,
        currency: c.currency,
        created: c.created,
        availableOn: settle(c.created),
        source: c.id,
        description: c.description,
        category: "charge",
      });
      if (destination) {
        const transferred = c.transfer_data?.amount ?? c.amount - appFee;
        out.push({
          id: derivedTxn("tr", c.id),
          type: "transfer",
          amount: -transferred,
          currency: c.currency,
          created: c.created,
          availableOn: c.created,
          source: String(idOf(c.transfer) ?? c.id),
          description: null,
          category: "transfer",
        });
      }
    }
    if (destination && destination === scope) {
      out.push({
        id: derivedTxn("py", c.id),
        type: "payment",
        amount: c.transfer_data?.amount ?? c.amount - appFee,
        currency: c.currency,
        created: c.created,
        availableOn: settle(c.created),
        source: String(idOf(c.transfer) ?? c.id),
        description: null,
        category: "charge",
      });
    }
  }
  for (const r of app.store.list("refund", scope, (x) => x.obj.status === "succeeded")) {
    out.push({
      id: r.obj.balance_transaction ? String(idOf(r.obj.balance_transaction)) : derivedTxn("re", r.id),
      type: "refund",
      amount: -r.obj.amount,
      currency: r.obj.currency,
      created: r.obj.created,
      availableOn: r.obj.created,
      source: r.id,
      description: "REFUND FOR CHARGE",
      category: "refund",
    });
  }
  for (const f of app.store.list("application_fee", null)) {
    const fee = f.obj;
    const feeAccount = idOf(fee.account);
    if (scope === null) {
      out.push({
        id: fee.balance_transaction ? String(idOf(fee.balance_transaction)) : derivedTxn("fee", fee.id),
        type: "application_fee",
        amount: fee.amount,
        currency: fee.currency,
        created: fee.created,
        availableOn: settle(fee.created),
        source: fee.id,
        description: null,
        category: "platform_earning",
      });
    }
    if (scope !== null && feeAccount !== scope) continue;
    for (const fr of fee.refunds?.data ?? []) {
      out.push({
        id: scope === null ? derivedTxn("frp", fr.id) : derivedTxn("fra", fr.id),
        type: "application_fee_refund",
        amount: scope === null ? -fr.amount : fr.amount,
        currency: fr.currency,
        created: fr.created,
        availableOn: fr.created,
        source: fr.id,
        description: null,
        category: scope === null ? "platform_earning_refund" : "fee",
      });
    }
  }
  // A won dispute gives the money back; the emulator leaves it out altogether (see README).
  for (const d of app.store.list("dispute", scope, (r) => r.obj.status !== "won")) {
    const own = d.obj.balance_transactions[0]?.id;
    out.push({
      id: own ?? derivedTxn("dp", d.id),
      type: "adjustment",
      amount: -d.obj.amount,
      currency: d.obj.currency,
      created: d.obj.created,
      availableOn: d.obj.created,
      source: d.id,
      description: `Chargeback withdrawal for ${idOf(d.obj.charge)}`,
      category: "dispute",
    });
  }
  for (const p of app.store.list("payout", scope)) {
    out.push({
      id: String(idOf(p.obj.balance_transaction)),
      type: "payout",
      amount: -p.obj.amount,
      currency: p.obj.currency,
      created: p.obj.created,
      availableOn: p.obj.created,
      source: p.id,
      description: p.obj.description,
      category: "payout",
    });
    if (p.obj.status === "failed" && p.x.failedAt !== null) {
      out.push({
        id: String(idOf(p.obj.failure_balance_transaction)),
        type: "payout_failure",
        amount: p.obj.amount,
        currency: p.obj.currency,
        created: p.x.failedAt,
        availableOn: p.x.failedAt,
        source: p.id,
        description: p.obj.failure_message,
        category: "payout_reversal",
      });
    }
  }
  return out
    .filter((e) => e.created <= now)
    .map((e) => entry(e, now))
    .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** available and pending per currency at `now`, from the ledger. */
export function balanceAt(app: EmulatorApp, scope: Scope, now = app.clock.now()): Stripe.Balance {
  const available = new Map<string, number>();
  const pending = new Map<string, number>();
  for (const e of ledger(app, scope, now)) {
    const into = e.available_on <= now ? available : pending;
    into.set(e.currency, (into.get(e.currency) ?? 0) + e.net);
    if (!available.has(e.currency)) available.set(e.currency, 0);
    if (!pending.has(e.currency)) pending.set(e.currency, 0);
  }
  if (!available.size) {
    const account = scope ? app.store.find("account", scope)?.obj : undefined;
    const currency = account?.default_currency ?? "usd";
    available.set(currency, 0);
    pending.set(currency, 0);
  }
  const currencies = [...available.keys()].sort();
  return {
    object: "balance",
    available: currencies.map((currency) => ({
      amount: available.get(currency) ?? 0,
      currency,
      source_types: { card: available.get(currency) ?? 0 },
    })),
    ...(scope === null ? { connect_reserved: currencies.map((currency) => ({ amount: 0, currency })) } : {}),
    livemode: false,
    pending: currencies.map((currency) => ({
      amount: pending.get(currency) ?? 0,
      currency,
      source_types: { card: pending.get(currency) ?? 0 },
    })),
    refund_and_dispute_prefunding: { available: [], pending: [] },
  };
}
