// POST /api/v1/subscribe-to-platform — older path name, alias of the current endpoint (see docs/API.md)
import { withApiKey } from "@/lib/http/handler";
import { subscribeOp } from "@/lib/http/v1-handlers";

export const POST = withApiKey("POST /api/v1/subscribe-to-platform", subscribeOp, { allowSession: true });
