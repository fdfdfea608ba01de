import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "./secret";

/**
 * A stable pseudonym for an email in logs and rate-limit keys: HMAC-SHA256 under the session
 * secret, so the logs and Redis never hold the address and a list of emails cannot be hashed to
 * find it. An operator with the secret computes the same value to follow one account.
 */
export function emailRef(email: string, length = 16): string {
  return createHmac("sha256", authSecret())
    .update(`email:${email.trim().toLowerCase()}`)
    .digest("hex")
    .slice(0, length);
}
