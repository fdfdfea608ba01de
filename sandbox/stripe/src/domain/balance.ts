/**
 * A rough balance: successful charges minus refunds, application fees (the connected account pays
 * them, the platform earns them), destination transfers and open/lost disputes. Everything is
 * "available" at once; Stripe's processing fees are not modelled.
 */
import type Stripe from "stripe";
import type { EmulatorApp } from "../app";
import { idOf } from "../ids";
import type { Scope } from "../store";

export function computeBalance(app: EmulatorApp, scope: Scope): Stripe.Balance {
  const totals = new Map<string, number>();
  const add = (currency: string, amount: number) => totals.set(currency, (totals.get(currency) ?? 0) + amount);
  for (const ch of app.store.list("charge", "*", (c) => c.obj.status === "succeeded")) {
    const c = ch.obj;
    const destination = idOf(c.transfer_data?.destination ?? null);
    const fee = c.application_fee_amount ?? 0;
    if (ch.scope === scope) {
      add(c.currency, c.amount - c.amount_refunded);
      if (scope !== null && fee) add(c.currency, -fee);
      if (destination) add(c.currency, -(c.transfer_data?.amount ?? c.amount - fee));
    }
    if (scope === null && ch.scope !== null && fee) add(c.currency, fee);
    if (destination && destination === scope) add(c.currency, c.transfer_data?.amount ?? c.amount - fee);
  }
  for (const d of app.store.list("dispute", scope, (r) => r.obj.status !== "won")) add(d.obj.currency, -d.obj.amount);
  for (const f of app.store.list("application_fee", null, (r) => r.obj.amount_refunded > 0)) {
    if (scope === null) add(f.obj.currency, -f.obj.amount_refunded);
    if (idOf(f.obj.account) === scope) add(f.obj.currency, f.obj.amount_refunded);
  }
  const currencies = totals.size ? [...totals.keys()] : ["usd"];
  return {
    object: "balance",
    available: currencies.map((currency) => ({
      amount: totals.get(currency) ?? 0,
      currency,
      source_types: { card: totals.get(currency) ?? 0 },
    })),
    ...(scope === null ? { connect_reserved: currencies.map((currency) => ({ amount: 0, currency })) } : {}),
    livemode: false,
    pending: currencies.map((currency) => ({ amount: 0, currency, source_types: { card: 0 } })),
    refund_and_dispute_prefunding: { available: [], pending: [] },
  };
}
