// GET /api/v1/admin/dunning — stores in dunning (failed plan payments being recovered), newest first
import { withAdmin } from "@/lib/http/handler";
import { parseWith } from "@/lib/http/body";
import { ListDunningCasesQuery, listDunningCases } from "@/lib/dunning/admin";

export const GET = withAdmin("GET /api/v1/admin/dunning", async ({ req }) =>
  listDunningCases(parseWith(ListDunningCasesQuery, Object.fromEntries(req.nextUrl.searchParams))),
);
