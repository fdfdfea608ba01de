// GET /api/pix/charges/:id — public status for the buyer's PIX page (polled; re-reads the gateway at most every 10 s while pending)
import { withPublic } from "@/lib/http/handler";
import { getPublicPixStatus } from "@/lib/pix/service/charges";

export const GET = withPublic(
  "GET /api/pix/charges/:id",
  async ({ params }) => {
    const status = await getPublicPixStatus(params.id!);
    return Response.json(status, { headers: { "cache-control": "no-store" } });
  },
  { limit: "webhook" },
);
