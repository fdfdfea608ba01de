/**
 * Idempotency-Key handling as Stripe documents it: the first result for a key (scoped to the API
 * key and the account) is stored and replayed with `Idempotent-Replayed: true`; reusing the key
 * with different parameters is an `idempotency_error`. Validation errors are not stored.
 */
import { createHash } from "node:crypto";
import { StripeApiError } from "./errors";

type Stored = { fingerprint: string; status: number; body: string; created: number };

const TTL_MS = 24 * 3600 * 1000;

export class IdempotencyCache {
  private entries = new Map<string, Stored>();

  private static key(apiKey: string, account: string | null, idemKey: string): string {
    return `${apiKey}\u0000${account ?? ""}\u0000${idemKey}`;
  }

  static fingerprint(method: string, path: string, body: string): string {
    return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
  }

  /** A stored response to replay, or an error when the key was used with other parameters. */
  lookup(apiKey: string, account: string | null, idemKey: string, fingerprint: string): Stored | null {
    const k = IdempotencyCache.key(apiKey, account, idemKey);
    const hit = this.entries.get(k);
    if (!hit) return null;
    if (Date.now() - hit.created > TTL_MS) {
      this.entries.delete(k);
      return null;
    }
    if (hit.fingerprint !== fingerprint) {
      throw new StripeApiError(
        400,
        {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
        },
        { replayable: false },
      );
    }
    return hit;
  }

  store(
    apiKey: string,
    account: string | null,
    idemKey: string,
    fingerprint: string,
    status: number,
    body: string,
  ): void {
    this.entries.set(IdempotencyCache.key(apiKey, account, idemKey), {
      fingerprint,
      status,
      body,
      created: Date.now(),
    });
  }

  clear(): void {
    this.entries.clear();
  }
}
