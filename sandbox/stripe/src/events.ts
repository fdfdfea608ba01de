/** The append-only event log. Events are snapshots: later changes never alter `data.object`. */
import type Stripe from "stripe";
import type { Ctx } from "./context";
import { render } from "./expand";
import { newId } from "./ids";

export const API_VERSION = "2026-10-28.endive";

type StripeObject = { object: string };

export function emit(
  ctx: Ctx,
  type: Stripe.Event.Type,
  object: StripeObject,
  previousAttributes?: Record<string, unknown>,
): Stripe.EventBase {
  const { app, scope } = ctx;
  const endpoints = app.webhooks.endpointsFor(scope, type);
  const event: Stripe.EventBase = {
    id: newId("evt"),
    object: "event",
    api_version: API_VERSION,
    created: app.clock.now(),
    data: previousAttributes
      ? { object: snapshot(ctx, object), previous_attributes: structuredClone(previousAttributes) }
      : { object: snapshot(ctx, object) },
    livemode: false,
    pending_webhooks: endpoints.length,
    request: ctx.request
      ? { id: ctx.request.id, idempotency_key: ctx.request.idempotencyKey }
      : { id: null, idempotency_key: null },
    type,
  };
  if (scope) event.account = scope;
  app.store.insert("event", scope, event, {});
  app.webhooks.enqueue(event, endpoints);
  app.config.log(`[stripe-emulator] event ${event.type} ${event.id}${scope ? ` (${scope})` : ""}`);
  return event;
}

function snapshot(ctx: Ctx, object: StripeObject): object {
  return render(ctx.app, ctx.scope, object) as object;
}

/** previous_attributes for *.updated: the old values of the keys that changed. */
export function diff<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = before[key];
  }
  return out;
}
