// The shape of one documented operation of the public API. The registry (operations/*.ts) points
// at the very zod schemas the routes parse with; document.ts turns them into OpenAPI 3.1.
import type { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import type { TagName } from "./tags";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call: `api_key` = a store API key only (Authorization: Bearer vt_sk_…); `api_key_or_session`
 * = a store API key or the signed-in seller's session; `session` = the seller's session cookie
 * (the dashboard); `admin` = a signed-in platform admin; `public` = no credentials.
 */
export type Auth = "api_key" | "api_key_or_session" | "session" | "admin" | "public";

/** A named schema: `{ SpendInput }` — the key is its component name in the document. */
export type NamedSchema = Record<string, z.ZodType>;

export type Operation = {
  method: HttpMethod;
  /** OpenAPI form: `/api/v1/orders/{id}`. */
  path: string;
  tag: TagName;
  summary: string;
  description?: string;
  auth: Auth;
  /** The request body's schema (what the route passes to parseJsonBody) and a body that passes it. */
  body?: NamedSchema;
  example?: unknown;
  /** The body may be left out entirely. */
  bodyOptional?: boolean;
  /** The query string's schema (what the route passes to parseWith) and an example query. */
  query?: NamedSchema;
  queryExample?: Record<string, string>;
  /** Query parameters read without a schema (a fallback, never an error). */
  extraQuery?: Array<{ name: string; description: string }>;
  /** The success status; the description defaults to the status text, contentType to JSON. */
  success: { status: number; description?: string; contentType?: string };
  /** Error codes this operation answers beyond the ones its auth, body and path imply. */
  errors?: ErrorCode[];
  idempotency?: "required" | "optional";
  /** An older path kept for existing integrations: the same handler as `aliasOf`. */
  aliasOf?: string;
};
