// GET /api/settings/store — the current store's settings; PATCH — change name, currency, website, time zone or after-payment destination
import { z } from "zod";
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { env } from "@/lib/env/server";
import { parseFields } from "@/lib/validation/field-errors";
import { getStoreSettings, updateStoreSettings, UpdateStoreSettingsInput } from "@/lib/tenancy/store-settings";

export const GET = withSeller("GET /api/settings/store", async ({ store }) => ({
  settings: await getStoreSettings(store.id),
}));

export const PATCH = withSeller("PATCH /api/settings/store", async ({ req, store, audit }) => {
  const input = parseFields(UpdateStoreSettingsInput(env().APP_ENV), await parseJsonBody(req, z.unknown()));
  return { settings: await updateStoreSettings(store.id, input, audit) };
});
