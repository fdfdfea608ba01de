// GET /api/v1/notifications/deliveries — the store's notification log, newest first (?limit=&cursor=, keyset-paginated)
import { withSeller } from "@/lib/http/handler";
import { parseWith } from "@/lib/http/body";
import { ListNotificationsQuery, listNotifications } from "@/lib/notifications/log";

export const GET = withSeller("GET /api/v1/notifications/deliveries", async ({ req, store }) =>
  listNotifications(store.id, parseWith(ListNotificationsQuery, Object.fromEntries(req.nextUrl.searchParams))),
);
