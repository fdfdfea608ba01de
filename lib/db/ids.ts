import { randomBytes } from "node:crypto";

/**
 * A row id chosen before the row is written (cuid-like: "c" + 24 base-36 characters): for a Stripe
 * object created first with an idempotency key made from it, and for rows written by raw SQL on
 * the hot paths (the schema's @default(cuid()) is filled in by Prisma Client, not the database).
 */
export function newRowId(): string {
  const bytes = randomBytes(16);
  let n = BigInt(`0x${bytes.toString("hex")}`);
  let out = "";
  for (let i = 0; i < 24; i++) {
    out += (n % 36n).toString(36);
    n /= 36n;
  }
  return `c${out}`;
}
