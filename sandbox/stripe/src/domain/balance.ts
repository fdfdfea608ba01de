/**
 * An account's balance: the sum of its balance transactions' net amounts, `available` once their
 * `available_on` has passed and `pending` before (see ledger.ts for what moves money and when).
 */
import type Stripe from "stripe";
import type { EmulatorApp } from "../app";
import type { Scope } from "../store";
import { balanceAt } from "./ledger";

export function computeBalance(app: EmulatorApp, scope: Scope): Stripe.Balance {
  return balanceAt(app, scope);
}
