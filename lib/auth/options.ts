import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { consume, release } from "@/lib/rate-limit/limiter";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/log/logger";
import { verifyPassword } from "./password";
import { EmailSchema } from "./sign-up";
import { authSecret } from "./secret";

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$2b$12$tw.V2jYOwXaisirw7mdK2OJvsONLPIkFNFbEHtNHuzIEMpvOGb.ku";

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  return first || (typeof headers?.["x-real-ip"] === "string" ? (headers["x-real-ip"] as string) : "local");
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 7 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = EmailSchema.safeParse(credentials?.email ?? "");
        const password = credentials?.password ?? "";
        if (!email.success || !password) throw new Error("invalid_credentials");
        const limitKey = `${clientIp(req?.headers)}|${email.data}`;
        try {
          await consume("login", limitKey);
        } catch (err) {
          if (err instanceof AppError && err.code === "rate_limited") {
            logger.warn({ event: "login.rate_limited", email: email.data }, "login rate limited");
            throw new Error("rate_limited");
          }
          throw err;
        }
        const user = await prisma.user.findUnique({ where: { email: email.data } });
        const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !ok) throw new Error("invalid_credentials");
        if (user.status !== "ACTIVE") throw new Error("account_suspended");
        await release("login", limitKey);
        return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role?: string; locale?: string };
        token.sub = u.id;
        token.role = u.role;
        token.locale = u.locale;
        token.authAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        (session.user as Record<string, unknown>).id = token.sub;
        (session.user as Record<string, unknown>).role = token.role;
      }
      return session;
    },
  },
};
