// Every documented example body passes the zod schema the route parses with, and the JSON Schema
// the document publishes for it: the reference never shows a request the API would refuse.
import { describe, expect, it } from "vitest";
import { nameOf, openApiDocument, operationIdOf, resolved } from "@/lib/openapi/document";
import { OPERATIONS } from "@/lib/openapi/registry";
import { checkJsonSchema } from "./json-schema";

const withBody = OPERATIONS.filter((op) => op.body);
const withQuery = OPERATIONS.filter((op) => op.query && op.queryExample);

describe("documented examples", () => {
  it("list operations document query examples", () => {
    expect(withQuery.length).toBeGreaterThanOrEqual(5);
  });

  it("every operation with a body documents an example", () => {
    expect(withBody.filter((op) => op.example === undefined).map((op) => `${op.method} ${op.path}`)).toEqual([]);
  });

  it.each(withBody.map((op) => [`${op.method} ${op.path}`, op] as const))(
    "%s: example passes its zod schema",
    (_, op) => {
      const schema = op.body![nameOf(op.body!)]!;
      const result = schema.safeParse(op.example);
      expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
    },
  );

  it.each(withBody.map((op) => [`${op.method} ${op.path}`, op] as const))(
    "%s: example passes the document's schema",
    (_, op) => {
      const doc = openApiDocument();
      const body = (
        doc.paths[op.path]![op.method.toLowerCase()] as {
          requestBody: { content: Record<string, { schema: Record<string, unknown>; example: unknown }> };
        }
      ).requestBody.content["application/json"]!;
      expect(body.example).toEqual(op.example);
      expect(checkJsonSchema(body.schema, body.example, doc)).toEqual([]);
    },
  );

  it.each(withQuery.map((op) => [`${op.method} ${op.path}`, op] as const))(
    "%s: query example passes its zod schema",
    (_, op) => {
      const schema = op.query![nameOf(op.query!)]!;
      const result = schema.safeParse(op.queryExample);
      expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
      const item = openApiDocument().paths[op.path]![op.method.toLowerCase()] as {
        parameters: Record<string, unknown>[];
      };
      for (const [name, value] of Object.entries(op.queryExample!))
        expect(item.parameters.find((p) => p.in === "query" && p.name === name)?.example, name).toBe(value);
    },
  );

  it("a wrong body fails the same checks (the checks can fail)", () => {
    const spend = OPERATIONS.find((op) => op.path === "/api/v1/credits/spend")!;
    const doc = openApiDocument();
    const schema = (doc.components.schemas as Record<string, Record<string, unknown>>)[nameOf(spend.body!)]!;
    const wrong = { ...(spend.example as object), amount: "ten" };
    expect(spend.body![nameOf(spend.body!)]!.safeParse(wrong).success).toBe(false);
    expect(checkJsonSchema(schema, wrong, doc)).not.toEqual([]);
    expect(operationIdOf(resolved(spend))).toBe("post_credits_spend");
  });
});
