// GET /api/v1/admin/credit-packages — every credit package (all currencies); POST — create one
import { NextResponse } from "next/server";
import { withAdmin } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { createPackage, CreatePackageInput, listAllPackages } from "@/lib/credits/packages";

export const GET = withAdmin("GET /api/v1/admin/credit-packages", async () => ({ packages: await listAllPackages() }));

export const POST = withAdmin("POST /api/v1/admin/credit-packages", async ({ req, audit }) => {
  const input = await parseJsonBody(req, CreatePackageInput);
  return NextResponse.json({ package: await createPackage(input, audit) }, { status: 201 });
});
