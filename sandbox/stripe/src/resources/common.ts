/** Helpers shared by resource handlers. */
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { paginate, type PageParams } from "../list";
import { inRange, type Range } from "../params";
import type { Kind, Objects, Rec } from "../store";

/** Publishable-key calls must prove access with the intent's client secret, as with Stripe.js. */
export function checkClientSecret(
  ctx: Ctx,
  obj: { id: string; client_secret: string | null },
  given: string | undefined,
): void {
  if (ctx.keyType !== "publishable") {
    if (given !== undefined && given !== obj.client_secret) throw clientSecretMismatch(obj.id);
    return;
  }
  if (!given)
    throw invalidRequest("Missing required param: client_secret.", {
      param: "client_secret",
      code: "parameter_missing",
    });
  if (given !== obj.client_secret) throw clientSecretMismatch(obj.id);
}

function clientSecretMismatch(id: string) {
  return invalidRequest(
    `The client_secret provided does not match the client_secret associated with the ${id.startsWith("seti_") ? "SetupIntent" : "PaymentIntent"}.`,
    {
      param: "client_secret",
      code: "resource_missing",
    },
  );
}

/** The intent id from a client secret (`pi_123_secret_abc` → `pi_123`). */
export function intentIdFromSecret(secret: string): string {
  return secret.replace(/_secret_.*$/, "");
}

export function listRecs<K extends Kind>(
  ctx: Ctx,
  kind: K,
  params: PageParams & { created?: Range },
  url: string,
  filter?: (obj: Objects[K], rec: Rec<K>) => boolean,
) {
  const recs = ctx.app.store.list(kind, ctx.scope, (r) => {
    const created = (r.obj as { created?: number }).created;
    if (params.created && created !== undefined && !inRange(created, params.created)) return false;
    return !filter || filter(r.obj, r);
  });
  return paginate(
    recs.map((r) => r.obj as Objects[K] & { id?: string }),
    params,
    url,
  );
}

export function requirePlatform(ctx: Ctx, what: string): void {
  if (ctx.scope)
    throw invalidRequest(
      `${what} can only be called by the platform (without a Stripe-Account header).`,
      { code: "platform_account_required" },
      403,
    );
}
