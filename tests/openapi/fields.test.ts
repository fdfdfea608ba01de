// The reference page's field rows and curl example, read from the real document.
import { describe, expect, it } from "vitest";
import { curlOf } from "@/lib/openapi/curl";
import { openApiDocument } from "@/lib/openapi/document";
import { fieldRows } from "@/lib/openapi/fields";

describe("reference rows", () => {
  const doc = openApiDocument();
  const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;

  it("lists nested and array fields with their type, requiredness and rules", () => {
    const [rows] = fieldRows(schemas.CreateProductInput!, doc);
    const byName = Object.fromEntries(rows!.map((r) => [r.name, r]));
    expect(byName.name).toMatchObject({ type: "string", required: true });
    expect(byName.description?.required).toBe(false);
    expect(byName["prices[].unitAmount"]).toMatchObject({ type: "integer", required: true });
    expect(byName["prices[].unitAmount"]?.notes).toContain("≥ 50");
    expect(byName["prices[].type"]?.notes).toEqual(
      expect.arrayContaining(['"one_time", "recurring"', 'default "one_time"']),
    );
  });

  it("splits a union body into one group per shape", () => {
    const groups = fieldRows(schemas.PurchaseInput!, doc);
    expect(groups.map((g) => g.filter((r) => r.required).map((r) => r.name))).toEqual([["packageId"], ["amount"]]);
  });

  it("writes a curl with the key, the Idempotency-Key and the body, quotes escaped", () => {
    const curl = curlOf(
      {
        method: "POST",
        path: "/api/v1/credits/spend",
        auth: "api_key",
        idempotency: "required",
        example: { reason: "it's" },
      },
      "https://vitrine.example",
    );
    expect(curl).toContain("curl -X POST 'https://vitrine.example/api/v1/credits/spend'");
    expect(curl).toContain("Authorization: Bearer vt_sk_…");
    expect(curl).toContain("Idempotency-Key:");
    expect(curl).toContain(`-d '{"reason":"it'\\''s"}'`);
    expect(curlOf({ method: "GET", path: "/api/v1/me", auth: "public" }, "")).toBe("curl '/api/v1/me'");
  });
});
