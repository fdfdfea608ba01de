// Request helpers for the callbacks routes.
import type { z } from "zod";
import { parseJsonBody, parseWith } from "@/lib/http/body";

/** Actions whose body is optional (rotate, test): no body means the schema's defaults. */
export async function optionalJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const length = req.headers.get("content-length");
  if (!req.headers.get("content-type") && (length === null || length === "0")) return parseWith(schema, {});
  return parseJsonBody(req, schema);
}

/** Secrets and one-time values must not be cached anywhere on the way back. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;
