// POST /api/v1/connect/account-links — an onboarding or update link for the store's account
import { withApiKey } from "@/lib/http/handler";
import { accountLinkOp } from "@/lib/http/v1-handlers";

export const POST = withApiKey("POST /api/v1/connect/account-links", accountLinkOp, { allowSession: true });
