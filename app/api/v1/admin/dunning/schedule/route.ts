// GET /api/v1/admin/dunning/schedule — the reminder days after a failed plan payment; PUT — change them (audited)
import { withAdmin } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { getDunningSchedule, setDunningSchedule, UpdateDunningScheduleInput } from "@/lib/dunning/schedule";

export const GET = withAdmin("GET /api/v1/admin/dunning/schedule", async () => ({
  schedule: await getDunningSchedule(),
}));

export const PUT = withAdmin("PUT /api/v1/admin/dunning/schedule", async ({ req, audit }) => ({
  schedule: await setDunningSchedule(await parseJsonBody(req, UpdateDunningScheduleInput), audit),
}));
