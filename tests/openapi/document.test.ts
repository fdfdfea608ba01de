// The document is structurally valid OpenAPI 3.1: version, unique operationIds, every $ref
// resolves, every path parameter declared, every operation tagged with a known tag.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

type Json = Record<string, unknown>;
const HTTP = ["get", "post", "put", "patch", "delete"];

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const v of node) refsIn(v, out);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  return out;
}

function resolves(doc: Json, ref: string): boolean {
  if (!ref.startsWith("#/")) return false;
  let node: unknown = doc;
  for (const key of ref.slice(2).split("/"))
    node = (node as Json | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")];
  return node !== undefined;
}

describe("OpenAPI 3.1 document", () => {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item).map(([m, op]) => ({ key: `${m} ${p}`, path: p, method: m, op: op as Json })),
  );

  it("declares 3.1.0 with info, paths and security schemes", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect((doc.info as Json).title).toBe("Vitrine API");
    expect(Object.keys((doc.components as Json).securitySchemes as Json)).toEqual(["apiKey", "session"]);
    expect(operations.every((o) => HTTP.includes(o.method))).toBe(true);
  });

  it("has unique operationIds", () => {
    const ids = operations.map((o) => o.op.operationId as string);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.every((id) => /^[a-z][A-Za-z0-9_]*$/.test(id))).toBe(true);
  });

  it("resolves every $ref", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter((r) => !resolves(doc, r))).toEqual([]);
    expect(resolves(doc, "#/components/schemas/Nope")).toBe(false);
  });

  it("declares every path parameter, tags every operation, and gives it a success and an error response", () => {
    const tags = (doc.tags as Json[]).map((t) => t.name);
    for (const { key, path, op } of operations) {
      const declared = ((op.parameters as Json[]) ?? []).filter((p) => p.in === "path").map((p) => p.name);
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(declared, key).toEqual(inPath);
      expect(tags, key).toContain((op.tags as string[])[0]);
      const statuses = Object.keys(op.responses as Json).map(Number);
      expect(
        statuses.some((s) => s >= 200 && s < 300),
        key,
      ).toBe(true);
      expect(
        statuses.some((s) => s >= 400),
        key,
      ).toBe(true);
      expect(op.summary, key).toBeTruthy();
    }
  });

  it("documents the credits spend endpoint with its body, Idempotency-Key and insufficient-credits error", () => {
    const spend = doc.paths["/api/v1/credits/spend"]?.post as Json;
    expect(spend.operationId).toBe("post_credits_spend");
    expect(spend.security).toEqual([{ apiKey: [] }]);
    const idem = (spend.parameters as Json[]).find((p) => p.name === "Idempotency-Key");
    expect(idem?.required).toBe(true);
    expect(spend["x-error-codes"]).toEqual(
      expect.arrayContaining(["insufficient_credits", "idempotency_key_required"]),
    );
    const schema = ((doc.components as Json).schemas as Json).SpendInput as Json;
    expect(schema.required).toEqual(["amount", "reason"]);
  });
});
