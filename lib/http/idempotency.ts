import { AppError } from "@/lib/errors";

/** The caller's Idempotency-Key header (optional; 1–255 visible characters). */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.headers.get("idempotency-key")?.trim();
  if (!key) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw new AppError("bad_request", "Idempotency-Key must be 1–255 visible ASCII characters.", {
      param: "Idempotency-Key",
    });
  return key;
}
