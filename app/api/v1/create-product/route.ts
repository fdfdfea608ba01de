// POST /api/v1/create-product — older path name, alias of the current endpoint (see docs/API.md)
import { withApiKey } from "@/lib/http/handler";
import { createProductOp } from "@/lib/http/v1-handlers";

export const POST = withApiKey("POST /api/v1/create-product", createProductOp, { allowSession: true });
