// GET /api/v1/pix/gateways — the PIX gateway types a seller can configure (capabilities, minimum, credential fields)
import { withSeller } from "@/lib/http/handler";
import { listGatewayTypes } from "@/lib/pix/service/configs";

export const GET = withSeller("GET /api/v1/pix/gateways", async () => ({ data: listGatewayTypes() }));
