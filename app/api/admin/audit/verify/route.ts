// POST /api/admin/audit/verify — recompute the audit hash chain and report the first break
import { withAdmin } from "@/lib/http/handler";
import { verifyAuditChain } from "@/lib/audit/log";

export const POST = withAdmin("POST /api/admin/audit/verify", async () => verifyAuditChain());
