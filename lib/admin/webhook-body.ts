// What an admin may see of a stored PIX webhook body: gateways put payer documents, e-mails, the
// producer hash that authenticates a sender and now and then tokens in their payloads, so every such field is masked and the rest is cut short.
const SENSITIVE_KEY =
  /token|secret|passw|api[_-]?key|auth|signature|credential|private|certificate|cert\b|document|cpf|cnpj|national_registration|email|phone|telefone|producer/i;
const PEM = /-----BEGIN [A-Z ]+-----[\s\S]*?(-----END [A-Z ]+-----|$)/g;
const MASK = "•••";
export const BODY_PREVIEW_CHARS = 600;

function redactValue(value: unknown, key: string | null): unknown {
  if (key !== null && SENSITIVE_KEY.test(key)) return MASK;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, null));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, k)]));
  if (typeof value === "string") return value.replace(PEM, MASK);
  return value;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * A masked, truncated view of a webhook body (JSON or form-encoded). A body that is neither is
 * not shown at all: there is no way to know which part of it is secret.
 */
export function redactWebhookBody(body: string, contentType: string | null, max = BODY_PREVIEW_CHARS): string | null {
  const text = body.trim();
  if (!text) return null;
  if (text.startsWith("{") || text.startsWith("[")) {
    try {
      return cut(JSON.stringify(redactValue(JSON.parse(text), null), null, 2), max);
    } catch {
      return null;
    }
  }
  if (contentType?.includes("application/x-www-form-urlencoded") || /^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(text)) {
    const params = new URLSearchParams(text);
    const lines = [...params.entries()].map(([k, v]) => `${k}=${SENSITIVE_KEY.test(k) ? MASK : v.replace(PEM, MASK)}`);
    return cut(lines.join("\n"), max);
  }
  return null;
}
