/** Balance transactions and payouts, on the platform or a connected account (Stripe-Account). */
import type { Ctx } from "../context";
import { paginate } from "../list";
import { enm, inRange, int, listParams, meta, mergeMetadata, range, str } from "../params";
import { route } from "../router";
import { ledger } from "../domain/ledger";
import { createManualPayout } from "../domain/payouts";
import { invalidRequest, noSuch } from "../errors";
import { listRecs } from "./common";

function transactionsOfPayout(ctx: Ctx, payout: string): Set<string> {
  const rec = ctx.app.store.get("payout", payout, ctx.scope);
  if (!rec) throw noSuch("payout", payout, "payout");
  if (!rec.obj.automatic)
    throw invalidRequest("Balance transaction history can only be filtered on automatic transfers, not manual.", {
      param: "payout",
    });
  return new Set(rec.x.transactions);
}

export const payoutRoutes = [
  route(
    "GET",
    "/v1/balance_transactions",
    { ...listParams, created: range(), currency: str(), payout: str(), source: str(), type: str() },
    (ctx, p) => {
      const inPayout = p.payout ? transactionsOfPayout(ctx, p.payout) : null;
      const entries = ledger(ctx.app, ctx.scope).filter(
        (e) =>
          (!p.created || inRange(e.created, p.created)) &&
          (!p.currency || e.currency === p.currency.toLowerCase()) &&
          (!inPayout || inPayout.has(e.id)) &&
          (!p.source || e.source === p.source) &&
          (!p.type || e.type === p.type),
      );
      return paginate(entries, p, "/v1/balance_transactions");
    },
  ),
  route("GET", "/v1/balance_transactions/:id", {}, (ctx, _p, { id }) => {
    const found = ledger(ctx.app, ctx.scope).find((e) => e.id === id);
    if (!found) throw noSuch("balance transaction", id);
    return found;
  }),
  route(
    "POST",
    "/v1/payouts",
    {
      amount: int({ min: 1 }).req(),
      currency: str().req(),
      description: str(),
      destination: str(),
      metadata: meta(),
      method: enm("standard", "instant"),
      source_type: enm("bank_account", "card", "fpx"),
      statement_descriptor: str(),
    },
    (ctx, p) =>
      createManualPayout(ctx, {
        amount: p.amount,
        currency: p.currency.toLowerCase(),
        description: p.description ?? null,
        metadata: mergeMetadata({}, p.metadata),
        method: p.method,
        statementDescriptor: p.statement_descriptor ?? null,
      }).obj,
  ),
  route(
    "GET",
    "/v1/payouts",
    { ...listParams, created: range(), arrival_date: range(), destination: str(), status: str() },
    (ctx, p) =>
      listRecs(
        ctx,
        "payout",
        p,
        "/v1/payouts",
        (o) =>
          (!p.arrival_date || inRange(o.arrival_date, p.arrival_date)) &&
          (!p.status || o.status === p.status) &&
          (!p.destination || o.destination === p.destination),
      ),
  ),
  route("GET", "/v1/payouts/:id", {}, (ctx, _p, { id }) => ctx.app.store.need("payout", id, ctx.scope).obj),
  route("POST", "/v1/payouts/:id", { metadata: meta() }, (ctx, p, { id }) => {
    const rec = ctx.app.store.need("payout", id, ctx.scope);
    if (p.metadata !== undefined) rec.obj.metadata = mergeMetadata(rec.obj.metadata, p.metadata);
    return rec.obj;
  }),
];
