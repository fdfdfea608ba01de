// GET /api/stores — the seller's stores; POST — create another store (and switch to it)
import { NextResponse } from "next/server";
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { listStoresForOwner } from "@/lib/tenancy/stores";
import { createStore, CreateStoreInput } from "@/lib/tenancy/create-store";
import { STORE_COOKIE } from "@/lib/auth/session";

export const GET = withSeller("GET /api/stores", async ({ user, store }) => ({
  data: await listStoresForOwner(user.id),
  currentStoreId: store.id,
}));

export const POST = withSeller("POST /api/stores", async ({ req, user, audit }) => {
  const store = await createStore(user.id, await parseJsonBody(req, CreateStoreInput), audit);
  const res = NextResponse.json({ store }, { status: 201 });
  res.cookies.set(STORE_COOKIE, store.id, { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return res;
});
