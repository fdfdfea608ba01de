import { PixGatewayError } from "./errors";
import type { HeadersLike, PixWebhookInput } from "./types";

const MAX_BODY = 256 * 1024;

export function headerValue(headers: HeadersLike | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key ? (headers as Record<string, string | string[] | undefined>)[key] : undefined;
  return Array.isArray(value) ? value[0] : value;
}

type Tree = { [key: string]: Tree | string };

function toArrays(node: Tree | string): unknown {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  const converted = Object.fromEntries(keys.map((k) => [k, toArrays(node[k])]));
  return keys.length > 0 && keys.every((k, i) => k === String(i)) ? keys.map((k) => converted[k]) : converted;
}

/** `a[b][0][c]=1` → `{a:{b:[{c:"1"}]}}` (PHP-style nesting, which form-posting gateways use). */
export function parseFormBody(body: string): Record<string, unknown> {
  const root: Tree = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, "").split("[");
    let node = root;
    parts.forEach((part, i) => {
      const key = part === "" ? String(Object.keys(node).length) : part;
      if (i === parts.length - 1) node[key] = value;
      else node = (typeof node[key] === "object" ? node[key] : (node[key] = {})) as Tree;
    });
  }
  return toArrays(root) as Record<string, unknown>;
}

/** The raw body as an object, JSON or form-encoded (by content type, else by sniffing). */
export function readWebhookBody(input: PixWebhookInput, gateway: string): Record<string, unknown> {
  const body = input.body ?? "";
  if (body.length > MAX_BODY) throw new PixGatewayError("invalid_webhook", "webhook body too large", { gateway });
  const type = (headerValue(input.headers, "content-type") ?? "").toLowerCase();
  const text = body.trim();
  const looksJson = text.startsWith("{") || text.startsWith("[");
  if (type.includes("json") || (!type.includes("form") && looksJson)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through to the error below
    }
    throw new PixGatewayError("invalid_webhook", "webhook body is not a JSON object", { gateway });
  }
  if (!text.includes("="))
    throw new PixGatewayError("invalid_webhook", "webhook body is neither JSON nor form-encoded", { gateway });
  return parseFormBody(text);
}
