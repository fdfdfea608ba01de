// GET|POST /api/auth/* — next-auth (credentials sign-in, session, sign-out); form-encoded posts only, known error codes only
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { guardAuthRoute } from "@/lib/auth/auth-route";

const handler = guardAuthRoute(NextAuth(authOptions));
export { handler as GET, handler as POST };
