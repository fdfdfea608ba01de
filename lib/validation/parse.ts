// Validating input against its zod schema: the one 422 shape (first offending field as `param`),
// and text the database cannot store refused before the schema runs.
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { assertStorableText } from "./text";

/** Maps a zod error to our 422 with the first offending field as `param`. */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const param = issue?.path.map(String).join(".") || undefined;
  const message =
    issue?.code === "unrecognized_keys"
      ? `Unknown field: ${issue.keys.join(", ")}.`
      : `${param ? `${param}: ` : ""}${issue?.message ?? "Invalid input."}`;
  const unknownParam = issue?.code === "unrecognized_keys" ? issue.keys[0] : param;
  return new AppError("validation_failed", message, { param: unknownParam });
}

/** Validates input (a body, a query) against its schema; text the database cannot store is a 422 naming the field. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  assertStorableText(data);
  const result = schema.safeParse(data);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
