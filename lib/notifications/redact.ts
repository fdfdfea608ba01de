// Error text from SMTP and Slack is stored (lastError) and shown to the seller: it must never carry
// the Slack webhook URL (its path is the credential) or the SMTP URL's user and password.

const SLACK_HOOK_RE = /https?:\/\/hooks\.slack(?:-gov)?\.com\/[^\s"'<>]*/gi;
const URL_CREDENTIALS_RE = /([a-z][a-z0-9+.-]*:\/\/)[^\s/@"'<>]+@/gi;

/** The message with every given secret, any Slack hook URL and any `scheme://user:pass@` replaced. */
export function redact(message: string, secrets: Array<string | null | undefined> = []): string {
  let out = message;
  const parts = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    parts.add(secret);
    // A URL's pieces can surface alone (a path in an HTTP error, a user name in an SMTP reply).
    try {
      const u = new URL(secret);
      if (u.username) parts.add(decodeURIComponent(u.username));
      if (u.password) parts.add(decodeURIComponent(u.password));
      if (u.pathname.length > 1) parts.add(u.pathname);
    } catch {
      // not a URL: the whole string is the secret
    }
  }
  // Longest first, so a URL is replaced whole before its path is.
  for (const part of [...parts].sort((a, b) => b.length - a.length))
    if (part.length >= 3) out = out.split(part).join("[redacted]");
  return out.replace(SLACK_HOOK_RE, "[redacted Slack webhook]").replace(URL_CREDENTIALS_RE, "$1[redacted]@");
}

/** A short, safe description of a failure for lastError. */
export function describeFailure(err: unknown, secrets: Array<string | null | undefined> = []): string {
  const e = err as { message?: unknown; code?: unknown; responseCode?: unknown } | null;
  const base = typeof e?.message === "string" && e.message ? e.message : String(err);
  const code = typeof e?.code === "string" && !base.includes(e.code) ? ` (${e.code})` : "";
  return redact(`${base}${code}`, secrets).slice(0, 500);
}
