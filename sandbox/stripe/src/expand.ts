/**
 * `expand[]` support: replaces an id with the object it names (within the caller's scope, falling
 * back to the platform for platform-owned objects such as application fees), follows dotted
 * paths, and maps `data.*` over lists. Some fields exist only when expanded ("includable"),
 * e.g. a Checkout Session's `line_items`; those come from `virtualFields`.
 */
import type { EmulatorApp } from "./app";
import { invalidRequest } from "./errors";
import { fullList } from "./list";
import type { Scope } from "./store";

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** Includable fields: computed on demand, keyed by `object` type then field name. */
function virtualField(app: EmulatorApp, scope: Scope, node: JsonObject, field: string): Json | undefined {
  const id = String(node.id);
  if (node.object === "coupon") {
    const rec = app.store.get("coupon", id, scope) ?? app.store.get("coupon", id, null);
    if (!rec) return undefined;
    return field === "applies_to" ? (rec.obj.applies_to ?? { products: [] }) : (rec.obj.currency_options ?? {});
  }
  if (node.object === "checkout.session" && field === "line_items") {
    const rec = app.store.find("checkout_session", id);
    return rec ? fullList(rec.x.lineItems, `/v1/checkout/sessions/${id}/line_items`) : undefined;
  }
  if (node.object === "invoice" && field === "confirmation_secret") {
    const rec = app.store.find("invoice", id);
    const pi = rec?.x.paymentIntent ? app.store.find("payment_intent", rec.x.paymentIntent) : undefined;
    return pi && rec?.obj.status === "open" ? { client_secret: pi.obj.client_secret, type: "payment_intent" } : null;
  }
  if (node.object === "invoice" && field === "payments") {
    const rec = app.store.find("invoice", id);
    return rec ? fullList(rec.obj.payments?.data ?? [], `/v1/invoice_payments?invoice=${id}`) : undefined;
  }
  return undefined;
}

/** Fields Stripe only returns when expanded; stripped from every response otherwise. */
const INCLUDABLE: Record<string, string[]> = {
  "checkout.session": ["line_items"],
  coupon: ["applies_to", "currency_options"],
  invoice: ["confirmation_secret", "payments"],
};

function stripIncludable(node: Json): void {
  if (Array.isArray(node)) return node.forEach(stripIncludable);
  if (!isObject(node)) return;
  for (const f of INCLUDABLE[String(node.object)] ?? []) delete node[f];
  for (const v of Object.values(node)) stripIncludable(v);
}

function expandPath(app: EmulatorApp, scope: Scope, node: Json, path: string[], full: string, depth: number): void {
  if (!path.length || !isObject(node)) return;
  if (depth > 4)
    throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${full}`, { param: "expand" });
  const [head, ...rest] = path;
  if (node.object === "list" || node.object === "search_result") {
    if (head !== "data") throw invalidRequest(`This property cannot be expanded (${full}).`, { param: "expand" });
    for (const item of node.data as Json[]) expandPath(app, scope, item, rest, full, depth);
    return;
  }
  let value = node[head];
  const virtual = INCLUDABLE[String(node.object)]?.includes(head) ? virtualField(app, scope, node, head) : undefined;
  if (virtual !== undefined) value = node[head] = structuredClone(virtual);
  if (Array.isArray(value)) {
    // Arrays of ids (`discounts`) expand element by element; arrays of objects are walked into.
    const items = value;
    items.forEach((item, i) => {
      if (typeof item === "string") items[i] = resolveId(app, scope, item, full);
      expandPath(app, scope, items[i], rest, full, depth + 1);
    });
    return;
  }
  if (typeof value === "string") {
    value = node[head] = resolveId(app, scope, value, full);
  } else if (value === undefined || (value !== null && typeof value !== "object")) {
    throw invalidRequest(`This property cannot be expanded (${full}).`, { param: "expand" });
  }
  expandPath(app, scope, value, rest, full, depth + 1);
}

function resolveId(app: EmulatorApp, scope: Scope, id: string, full: string): Json {
  const rec = app.store.lookup(id, scope) ?? app.store.lookup(id, null);
  if (!rec) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: "expand" });
  const value = structuredClone(rec.obj);
  stripIncludable(value);
  return value;
}

/** Returns a JSON-safe copy of `value` with the requested expansions applied. */
export function render(app: EmulatorApp, scope: Scope, value: Json, expand: string[] = []): Json {
  const copy = structuredClone(value);
  stripIncludable(copy);
  for (const p of expand) expandPath(app, scope, copy, p.split("."), p, 1);
  return copy;
}
