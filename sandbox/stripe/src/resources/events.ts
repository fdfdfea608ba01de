/** The event log and webhook endpoints. */
import type Stripe from "stripe";
import { invalidRequest } from "../errors";
import { newId, webhookSecret } from "../ids";
import { arr, bool, listParams, meta, mergeMetadata, nullableStr, range, str } from "../params";
import { route } from "../router";
import { listRecs, requirePlatform } from "./common";

function typeMatches(type: string, pattern: string): boolean {
  return pattern.endsWith(".*") ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}

export const eventRoutes = [
  route(
    "GET",
    "/v1/events",
    { ...listParams, type: str(), types: arr(str()), created: range(), delivery_success: bool() },
    (ctx, p) => {
      if (p.type && p.types?.length)
        throw invalidRequest("You may only specify one of these parameters: type, types.", { param: "types" });
      if (p.types && p.types.length > 20) throw invalidRequest("You may pass at most 20 types.", { param: "types" });
      return listRecs(
        ctx,
        "event",
        p,
        "/v1/events",
        (e) =>
          (!p.type || typeMatches(e.type, p.type)) &&
          (!p.types?.length || p.types.some((t) => typeMatches(e.type, t))) &&
          (p.delivery_success === undefined || (e.pending_webhooks === 0) === p.delivery_success),
      );
    },
  ),
  route("GET", "/v1/events/:id", {}, (ctx, _p, { id }) => ctx.app.store.need("event", id, ctx.scope).obj),
  route(
    "POST",
    "/v1/webhook_endpoints",
    {
      url: str().req(),
      enabled_events: arr(str()).req(),
      connect: bool(),
      description: nullableStr(),
      metadata: meta(),
      api_version: str(),
    },
    (ctx, p) => {
      requirePlatform(ctx, "Creating webhook endpoints");
      if (!/^https?:\/\//.test(p.url))
        throw invalidRequest("Invalid URL: URL must be publicly accessible and start with http:// or https://.", {
          param: "url",
          code: "url_invalid",
        });
      if (!p.enabled_events.length)
        throw invalidRequest("Missing required param: enabled_events.", {
          param: "enabled_events",
          code: "parameter_missing",
        });
      const secret = webhookSecret();
      const endpoint: Stripe.WebhookEndpoint = {
        id: newId("we"),
        object: "webhook_endpoint",
        api_version: p.api_version ?? null,
        application: null,
        created: ctx.app.clock.now(),
        description: p.description ?? null,
        enabled_events: p.enabled_events,
        livemode: false,
        metadata: mergeMetadata({}, p.metadata),
        status: "enabled",
        url: p.url,
      };
      ctx.app.store.insert("webhook_endpoint", null, endpoint, {
        connect: p.connect ?? false,
        secret,
        configured: false,
      });
      // The signing secret is only ever returned on creation, as on Stripe.
      return { ...endpoint, secret };
    },
  ),
  route("GET", "/v1/webhook_endpoints", listParams, (ctx, p) => {
    requirePlatform(ctx, "Listing webhook endpoints");
    return listRecs(ctx, "webhook_endpoint", p, "/v1/webhook_endpoints");
  }),
  route(
    "GET",
    "/v1/webhook_endpoints/:id",
    {},
    (ctx, _p, { id }) => ctx.app.store.need("webhook_endpoint", id, ctx.scope).obj,
  ),
  route(
    "POST",
    "/v1/webhook_endpoints/:id",
    { url: str(), enabled_events: arr(str()), disabled: bool(), description: nullableStr(), metadata: meta() },
    (ctx, p, { id }) => {
      const ep = ctx.app.store.need("webhook_endpoint", id, ctx.scope).obj;
      if (p.url) ep.url = p.url;
      if (p.enabled_events?.length) ep.enabled_events = p.enabled_events;
      if (p.disabled !== undefined) ep.status = p.disabled ? "disabled" : "enabled";
      if (p.description !== undefined) ep.description = p.description;
      if (p.metadata !== undefined) ep.metadata = mergeMetadata(ep.metadata, p.metadata);
      return ep;
    },
  ),
  route("DELETE", "/v1/webhook_endpoints/:id", {}, (ctx, _p, { id }): Stripe.DeletedWebhookEndpoint => {
    ctx.app.store.need("webhook_endpoint", id, ctx.scope);
    ctx.app.store.remove("webhook_endpoint", id);
    return { id, object: "webhook_endpoint", deleted: true };
  }),
];
