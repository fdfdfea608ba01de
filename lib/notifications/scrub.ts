// What a message may not carry: no card number, no full CPF, no credentials in a URL. Payloads
// pass through scrubPayload when enqueued; recipients are masked in the delivery log; errors are
// redacted before they are stored (lib/notifications/redact.ts).

/** Fields whose digits are meant to be there whole: the PIX copia-e-cola is a payment code, links are ours. */
const VERBATIM_FIELDS = new Set(["pixCopyPaste", "url", "payUrl", "boletoNumber"]);

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const CARD_RE = /(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])/g;
const CPF_FORMATTED_RE = /(?<![\d])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d])/g;
const ELEVEN_DIGITS_RE = /(?<![\d])\d{11}(?![\d])/g;

/** Card numbers (13–19 digits passing Luhn) keep their last 4; CPFs keep their last 2. */
export function scrubText(value: string): string {
  return value
    .replace(CARD_RE, (match) => {
      const digits = match.replace(/\D/g, "");
      return luhnValid(digits) ? `•••• ${digits.slice(-4)}` : match;
    })
    .replace(CPF_FORMATTED_RE, (m) => `•••.•••.•••-${m.slice(-2)}`)
    .replace(ELEVEN_DIGITS_RE, (m) => `•••.•••.•••-${m.slice(-2)}`);
}

/** Every string in a payload scrubbed (except VERBATIM_FIELDS), keys kept. */
export function scrubPayload<T>(value: T, key?: string): T {
  if (typeof value === "string") return (key && VERBATIM_FIELDS.has(key) ? value : scrubText(value)) as T;
  if (Array.isArray(value)) return value.map((v) => scrubPayload(v, key)) as T;
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubPayload(v, k)])) as T;
  return value;
}

/** `ana.souza@example.com` → `an•••@example.com`: who it went to, recognisably, without the whole address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, local.length - 1) || 1)}•••${email.slice(at)}`;
}

/** A URL as people may see it: scheme, host and path; no user:password, query or fragment (they may hold tokens). */
export function endpointLabel(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}
