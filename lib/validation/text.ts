// Text the database cannot store: PostgreSQL refuses a NUL character in `text` (SQLSTATE 22021),
// and a lone UTF-16 surrogate has no UTF-8 encoding. Such input is refused at the boundary with a
// 422 naming the field, instead of failing later as a 500 (or a 503 that a gateway retries forever).
import { AppError } from "@/lib/errors";

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g");

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** The path to the first string (value or object key) in `value` that is not storable text, or null. */
export function unstorableTextPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextPath(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (!isStorableText(k)) return [...path, k.replace(UNSTORABLE_ALL, "?")];
      const found = unstorableTextPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** Throws a 422 `validation_failed` naming the field when `value` holds text the database cannot store. */
export function assertStorableText(value: unknown, where?: string): void {
  const path = unstorableTextPath(value);
  if (!path) return;
  const param = path.join(".") || where;
  throw new AppError(
    "validation_failed",
    `${param ? `${param}: ` : ""}must not contain a NUL character or an unpaired UTF-16 surrogate.`,
    { param },
  );
}
