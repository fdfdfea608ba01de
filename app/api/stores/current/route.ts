// POST /api/stores/current — choose which of the seller's stores the dashboard acts on
import { NextResponse } from "next/server";
import { z } from "zod";
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { getOwnedStore } from "@/lib/tenancy/stores";
import { STORE_COOKIE } from "@/lib/auth/session";

export const POST = withSeller("POST /api/stores/current", async ({ req, user }) => {
  const { storeId } = await parseJsonBody(req, z.strictObject({ storeId: z.string().min(1) }));
  const store = await getOwnedStore(user.id, storeId);
  const res = NextResponse.json({ store });
  res.cookies.set(STORE_COOKIE, store.id, { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return res;
});
