// Keyset cursor of the customer list: the last row's (lastPurchaseAt, id), newest purchase first.
import { AppError } from "@/lib/errors";

export type CustomerCursor = { at: Date; id: string };

export function encodeCustomerCursor(c: CustomerCursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`, "utf8").toString("base64url");
}

export function decodeCustomerCursor(raw: string): CustomerCursor {
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const [iso, id] = text.split("|");
  const at = new Date(iso ?? "");
  if (!id || !/^[a-z0-9]{10,40}$/i.test(id) || Number.isNaN(at.getTime()))
    throw new AppError("validation_failed", "The cursor is not valid.", { param: "cursor" });
  return { at, id };
}
