// GET /dashboard/connect/refresh — Stripe's refresh_url: mint a fresh account link and send the seller back to Stripe
import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser, STORE_COOKIE } from "@/lib/auth/session";
import { resolveCurrentStore } from "@/lib/tenancy/stores";
import { createAccountLink } from "@/lib/connect/accounts";
import { appUrl } from "@/lib/env/app-url";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  const base = appUrl();
  const type = req.nextUrl.searchParams.get("type") === "account_update" ? "account_update" : "account_onboarding";
  const user = await getSessionUser(req);
  // A browser lands here from Stripe: send a signed-out seller to sign in, not to a JSON 401.
  if (!user)
    return NextResponse.redirect(
      `${base}/sign-in?callbackUrl=${encodeURIComponent(`/dashboard/connect/refresh?type=${type}`)}`,
      303,
    );
  const store = await resolveCurrentStore(user.id, req.cookies.get(STORE_COOKIE)?.value);
  if (!store) return NextResponse.redirect(`${base}/dashboard/connect?error=1`, 303);
  try {
    const { url } = await createAccountLink(store.id, type, base);
    return NextResponse.redirect(url, 303);
  } catch {
    return NextResponse.redirect(`${base}/dashboard/connect?error=1`, 303);
  }
}
