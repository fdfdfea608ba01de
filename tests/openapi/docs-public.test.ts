// DOCS_PUBLIC: true (the default) serves the OpenAPI document to anyone; false serves it only to a
// signed-in platform admin, and answers everyone else 404 as if it did not exist.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { appRequest, sessionCookie } from "../support/session";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { prisma } from "@/lib/db/client";

describe("GET /api/v1/openapi.json and DOCS_PUBLIC", () => {
  useTestDatabase();
  let adminCookie: string;
  let sellerCookie: string;

  beforeAll(async () => {
    const admin = await sellerWithStore({ tag: "docs-admin" });
    await prisma.user.update({ where: { id: admin.user.id }, data: { role: "ADMIN" } });
    adminCookie = await sessionCookie(admin.user.id);
    sellerCookie = await sessionCookie((await sellerWithStore({ tag: "docs-seller" })).user.id);
  });
  afterEach(() => {
    delete process.env.DOCS_PUBLIC;
  });

  const fetchDoc = (cookie?: string) =>
    openApiRoute(appRequest("/api/v1/openapi.json", { headers: cookie ? { cookie } : {} }), {
      params: Promise.resolve({}),
    });

  it("serves the document to an anonymous caller by default", async () => {
    const res = await fetchDoc();
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/v1/credits/spend"]).toBeDefined();
  });

  it("with DOCS_PUBLIC=false hides it from anonymous callers and sellers, and serves it to an admin", async () => {
    process.env.DOCS_PUBLIC = "false";
    const anonymous = await fetchDoc();
    expect(anonymous.status).toBe(404);
    const body = (await anonymous.json()) as { error: { code: string }; paths?: unknown };
    expect(body.error.code).toBe("not_found");
    expect(body.paths).toBeUndefined();
    expect((await fetchDoc(sellerCookie)).status).toBe(404);
    const admin = await fetchDoc(adminCookie);
    expect(admin.status).toBe(200);
    expect(((await admin.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });
});
