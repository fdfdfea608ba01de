// Builds the OpenAPI 3.1 document of /api/v1 from the registry: request bodies and query strings
// are the routes' own zod schemas, turned into JSON Schema (2020-12) by zod's z.toJSONSchema.
import { z } from "zod";
import { errorCodesOf, errorsByStatus } from "./errors";
import { OPERATIONS } from "./registry";
import { TAGS } from "./tags";
import type { NamedSchema, Operation } from "./types";

type Json = Record<string, unknown>;
export type OpenApiDocument = Json & { paths: Record<string, Record<string, Json>>; components: Json };

const STATUS_TEXT: Record<number, string> = { 200: "OK", 201: "Created", 202: "Accepted", 204: "No content" };
const AUTH_TEXT: Record<Operation["auth"], string> = {
  api_key: "A store API key (Authorization: Bearer vt_sk_…).",
  api_key_or_session: "A store API key, or the signed-in seller's session (the dashboard).",
  session: "The signed-in seller's session (the dashboard); API keys are not accepted.",
  admin: "A signed-in platform admin's session.",
  public: "None.",
};
const SECURITY: Record<Operation["auth"], Array<Record<string, string[]>>> = {
  api_key: [{ apiKey: [] }],
  api_key_or_session: [{ apiKey: [] }, { session: [] }],
  session: [{ session: [] }],
  admin: [{ session: [] }],
  public: [],
};

export function nameOf(schema: NamedSchema): string {
  const name = Object.keys(schema)[0];
  if (!name) throw new Error("A named schema needs one key");
  return name;
}
function schemaOf(named: NamedSchema): z.ZodType {
  return named[nameOf(named)] as z.ZodType;
}

/** JSON Schema of a zod schema, as a request sees it (before defaults and transforms). */
export function jsonSchemaOf(schema: z.ZodType): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return rest;
}

/** "POST /api/v1/credits/spend" → "post_credits_spend"; path params become by_<name>. */
export function operationIdOf(op: Pick<Operation, "method" | "path">): string {
  const parts = op.path
    .replace(/^\/api\/v1\//, "")
    .split("/")
    .map((p) => p.replace(/^\{(.+)\}$/, "by_$1").replace(/[^A-Za-z0-9]+/g, "_"));
  return [op.method.toLowerCase(), ...parts].join("_");
}

/** An alias takes its body and query from the operation it aliases. */
export function resolved(op: Operation): Operation {
  if (!op.aliasOf) return op;
  const [method, path] = op.aliasOf.split(" ");
  const target = OPERATIONS.find((o) => o.method === method && o.path === path);
  if (!target) throw new Error(`${op.method} ${op.path}: aliasOf ${op.aliasOf} is not documented`);
  const { body, example, bodyOptional, query, queryExample, extraQuery, errors, idempotency } = target;
  return { ...op, body, example, bodyOptional, query, queryExample, extraQuery, errors, idempotency };
}

function queryParameters(op: Operation): Json[] {
  const params: Json[] = [];
  if (op.query) {
    const js = jsonSchemaOf(schemaOf(op.query)) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = schema;
      const example = op.queryExample?.[name];
      params.push({
        name,
        in: "query",
        required: js.required?.includes(name) ?? false,
        description,
        schema: rest,
        ...(example === undefined ? {} : { example }),
      });
    }
  }
  for (const q of op.extraQuery ?? [])
    params.push({ name: q.name, in: "query", description: q.description, schema: { type: "string" } });
  return params;
}

function parametersOf(op: Operation): Json[] {
  const path = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const idem = op.idempotency
    ? [
        {
          name: "Idempotency-Key",
          in: "header",
          required: op.idempotency === "required",
          description: "Repeating a request with the same key returns the first result instead of acting twice.",
          schema: { type: "string", maxLength: 255 },
        },
      ]
    : [];
  return [...path, ...queryParameters(op), ...idem];
}

function responsesOf(op: Operation): Json {
  const { status, description, contentType = "application/json" } = op.success;
  const responses: Json = {
    [status]: { description: description ?? STATUS_TEXT[status] ?? "OK", content: { [contentType]: {} } },
  };
  for (const [code, codes] of errorsByStatus(errorCodesOf(op))) {
    responses[code] = {
      description: codes.join(", "),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return responses;
}

function operationObject(raw: Operation): Json {
  const op = resolved(raw);
  const description = [op.description, `Auth: ${AUTH_TEXT[op.auth]}`, raw.aliasOf && `Same handler as ${raw.aliasOf}.`]
    .filter(Boolean)
    .join("\n\n");
  const body = op.body && {
    required: !op.bodyOptional,
    content: {
      "application/json": {
        schema: { $ref: `#/components/schemas/${nameOf(op.body)}` },
        ...(op.example === undefined ? {} : { example: op.example }),
      },
    },
  };
  return {
    operationId: operationIdOf(raw),
    tags: [op.tag],
    summary: op.summary.charAt(0).toUpperCase() + op.summary.slice(1),
    description,
    ...(raw.aliasOf ? { deprecated: true } : {}),
    security: SECURITY[op.auth],
    parameters: parametersOf(op),
    ...(body ? { requestBody: body } : {}),
    responses: responsesOf(op),
    "x-auth": op.auth,
    "x-error-codes": errorCodesOf(op),
  };
}

/** Every named body schema, once; the same name on two different schemas is a registry bug. */
function bodySchemas(): Record<string, Json> {
  const seen = new Map<string, z.ZodType>();
  for (const op of OPERATIONS) {
    if (!op.body) continue;
    const name = nameOf(op.body);
    const prior = seen.get(name);
    if (prior && prior !== schemaOf(op.body)) throw new Error(`Two different schemas named ${name}`);
    seen.set(name, schemaOf(op.body));
  }
  return Object.fromEntries([...seen].sort(([a], [b]) => a.localeCompare(b)).map(([n, s]) => [n, jsonSchemaOf(s)]));
}

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "request_id"],
      properties: {
        code: { type: "string", description: "A stable code (see each operation's x-error-codes)." },
        message: { type: "string" },
        param: { type: "string", description: "The offending field, for validation errors." },
        details: { type: "object" },
        request_id: { type: "string" },
      },
    },
  },
};

let cached: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  if (cached) return cached;
  const paths: OpenApiDocument["paths"] = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    (paths[op.path] as Json)[op.method.toLowerCase()] = operationObject(op);
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Vitrine API",
      version: "1",
      description:
        "The public API of Vitrine. Amounts are integers in the currency's minor unit with an ISO currency code. Errors are `{ error: { code, message, param?, request_id } }`.",
    },
    servers: [{ url: "/" }],
    tags: TAGS.map((t) => ({ name: t.name, description: t.description, "x-displayName": t.title })),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A store API key: `vt_sk_…` (Settings → API keys)." },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The dashboard session.",
        },
      },
      schemas: { Error: ERROR_SCHEMA, ...bodySchemas() },
    },
  };
  return cached;
}
