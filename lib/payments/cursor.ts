// The keyset cursor: the (createdAt, id) of the last row of a page, opaque to callers. A new
// payment is always newer than any cursor, so pages never skip or repeat a row under inserts.
import { AppError } from "@/lib/errors";

export type Cursor = { at: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`, "utf8").toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const [iso, id, ...rest] = text.split("|");
  const at = new Date(iso ?? "");
  if (rest.length || !id || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || Number.isNaN(at.getTime()))
    throw new AppError("validation_failed", "The cursor is not one this API returned.", { param: "cursor" });
  return { at, id };
}
