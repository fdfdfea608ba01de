// POST /api/v1/connect/account-links — an onboarding or update link for the store's account
import { withApiKey } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { appUrl } from "@/lib/env/app-url";
import { AccountLinkInput, createAccountLink } from "@/lib/connect/accounts";

export const POST = withApiKey(
  "POST /api/v1/connect/account-links",
  async ({ req, store }) => {
    const { type } = await parseJsonBody(req, AccountLinkInput);
    return createAccountLink(store.id, type, appUrl());
  },
  { allowSession: true },
);
