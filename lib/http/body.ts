import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { assertStorableText } from "@/lib/validation/text";

// Validation itself lives in lib/validation (forms and domain code use it without HTTP); re-exported
// here for the route handlers that read a body and validate it in one place.
export { parseWith, validationError } from "@/lib/validation/parse";

export const DEFAULT_MAX_BODY_BYTES = 262_144;

async function readRawBody(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `Request body exceeds ${maxBytes} bytes.`);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", `Request body exceeds ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** What a JSON or form body decodes to (null when it is neither, or malformed: the caller says so). */
function decodedBody(text: string, contentType: string): unknown {
  const type = contentType.toLowerCase();
  if (type.includes("form")) return Object.fromEntries(new URLSearchParams(text));
  const trimmed = text.trim();
  if (!type.includes("json") && !trimmed.startsWith("{") && !trimmed.startsWith("[")) return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    return null;
  }
}

/**
 * Reads the raw body, refusing anything over the limit before buffering it all, and text the
 * database cannot store (a NUL or a lone surrogate, raw or escaped in a JSON or form body) with a
 * 422: every reader of a body (webhooks too) gets it refused here, never as a 5xx further on.
 */
export async function readBodyText(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const text = await readRawBody(req, maxBytes);
  assertStorableText(text, "body");
  assertStorableText(decodedBody(text, req.headers.get("content-type") ?? ""));
  return text;
}

/** Parses a JSON request body: 415 for another content type, 400 for malformed JSON, 422 for schema violations. */
export async function parseJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes?: number,
): Promise<z.infer<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type))
    throw new AppError("unsupported_media_type", "Content-Type must be application/json.");
  const text = await readRawBody(req, maxBytes ?? DEFAULT_MAX_BODY_BYTES);
  let data: unknown;
  try {
    data = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new AppError("malformed_json", "Request body is not valid JSON.");
  }
  if (data === undefined) throw new AppError("malformed_json", "Request body is empty.");
  return parseWith(schema, data);
}
