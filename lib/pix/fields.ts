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

export function requireString(
  obj: unknown,
  what: string,
  gateway: string,
  code: PixErrorCode,
  ...paths: string[]
): string {
  const v = firstString(obj, ...paths);
  if (!v) throw new PixGatewayError(code, `${gateway} response has no ${what}`, { gateway });
  return v;
}

/** Brasília (America/Sao_Paulo) is UTC−3 all year: Brazil dropped daylight saving time in 2019. */
export const BRASILIA_OFFSET_MINUTES = -180;

const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;

/**
 * A gateway timestamp → Date. ISO strings with a zone and epoch numbers are taken as they are; a
 * date-time without a zone ("2026-12-04 15:30:00", as Paradise and SyncPay send it) is Brasília
 * time, never the server's local time.
 */
export function toDate(value: unknown): Date | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  if (typeof value === "string") {
    const m = ZONELESS.exec(value.trim());
    if (m) {
      const [, y, mo, d, h, mi, s = "0", ms = "0"] = m;
      const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s, +ms.padEnd(3, "0")) - BRASILIA_OFFSET_MINUTES * 60_000;
      const date = new Date(utc);
      return Number.isNaN(date.getTime()) ? undefined : date;
    }
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Gateways return base64 QR images with or without the data: prefix. */
export function asPngDataUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.startsWith("data:") ? value : `data:image/png;base64,${value}`;
}
