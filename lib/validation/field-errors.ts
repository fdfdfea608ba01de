// Every field's first problem as a message key, for forms that show each error next to its field
// in the page's language (schemas using this give their messages as i18n keys, not sentences).
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseWith } from "./parse";

const KEY = /^[a-z][A-Za-z]*$/;

/** `{ field: key }` for each field with a problem; a message that is not a key becomes "invalid". */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) out[k] ??= "unknownField";
      continue;
    }
    const field = issue.path.map(String).join(".") || "form";
    out[field] ??= KEY.test(issue.message) ? issue.message : "invalid";
  }
  return out;
}

/** Like parseWith, but a 422 carries every field's message key in `details.fields`. */
export function parseFields<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return parseWith(schema, data);
  const fields = fieldErrors(result.error);
  const first = Object.keys(fields)[0];
  throw new AppError("validation_failed", `Check these fields: ${Object.keys(fields).join(", ")}.`, {
    param: first,
    details: { fields },
  });
}
