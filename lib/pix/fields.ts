import { PixGatewayError, type PixErrorCode } from "./errors";
import { reaisToCentavos } from "./money";
import type { AmountUnit } from "./types";

/** Gateways rename and nest fields freely; these readers tolerate that. */

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

export function get(obj: unknown, path: string): unknown {
  let node: unknown = obj;
  for (const part of path.split(".")) {
    if (!isObj(node) && !Array.isArray(node)) return undefined;
    node = (node as Obj)[part];
  }
  return node;
}

/** The first of `paths` holding a non-empty string or a number, as a string. */
export function firstString(obj: unknown, ...paths: string[]): string | undefined {
  for (const p of paths) {
    const v = get(obj, p);
    if (typeof v === "string" && v.trim() !== "") return v.trim();
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** `{ data: {...} }` or `{ success, data: {...} }` → the inner object; otherwise the object itself. */
export function unwrap(body: unknown, ...keys: string[]): Obj {
  for (const key of keys.length ? keys : ["data"]) {
    const inner = get(body, key);
    if (isObj(inner)) return inner;
  }
  return isObj(body) ? body : {};
}

/** A gateway amount in its unit → integer centavos; `code` is the error to raise if it is not one. */
export function toCentavos(value: unknown, unit: AmountUnit, gateway: string, code: PixErrorCode): number {
  try {
    if (unit === "reais") {
      if (typeof value !== "number" && typeof value !== "string") throw new Error("missing");
      return reaisToCentavos(value);
    }
    const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isSafeInteger(n)) throw new Error("not integer centavos");
    return n;
  } catch {
    throw new PixGatewayError(code, `${gateway} sent an amount that is not valid ${unit}`, { gateway });
  }
}

export function requireString(obj: unknown, what: string, gateway: string, code: PixErrorCode, ...paths: string[]): string {
  const v = firstString(obj, ...paths);
  if (!v) throw new PixGatewayError(code, `${gateway} response has no ${what}`, { gateway });
  return v;
}

export function toDate(value: unknown): Date | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Gateways return base64 QR images with or without the data: prefix. */
export function asPngDataUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.startsWith("data:") ? value : `data:image/png;base64,${value}`;
}
