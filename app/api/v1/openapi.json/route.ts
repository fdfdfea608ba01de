// GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API (signed-in admins only when DOCS_PUBLIC=false)
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { withPublic } from "@/lib/http/handler";
import { canReadApiDocs } from "@/lib/openapi/access";
import { openApiDocument } from "@/lib/openapi/document";

export const GET = withPublic("GET /api/v1/openapi.json", async ({ req }) => {
  if (!(await canReadApiDocs(req))) throw new AppError("not_found", "Not found.");
  return NextResponse.json(openApiDocument(), { headers: { "cache-control": "no-store" } });
});
