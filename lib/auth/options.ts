import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { consume, release } from "@/lib/rate-limit/limiter";
import { AppError } from "@/lib/errors";
import { requestAddresses } from "@/lib/request/client-address";
import { logger } from "@/lib/log/logger";
import { verifyPassword } from "./password";
import { EmailSchema } from "./sign-up";
import { authSecret } from "./secret";
import { emailRef } from "./email-ref";
import { accountLockedError, GENERIC_SIGN_IN_ERROR, parseSignInError } from "./sign-in-errors";
import { sessionSettings } from "./session-settings";

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$2b$12$tw.V2jYOwXaisirw7mdK2OJvsONLPIkFNFbEHtNHuzIEMpvOGb.ku";

type SignInUser = { id: string; email: string; name: string; role: string; locale: string };

function retryAfter(err: unknown): number | null {
  return err instanceof AppError && err.code === "rate_limited" ? (err.options.retryAfterSeconds ?? 60) : null;
}

/**
 * Two budgets guard every email: attempts per (client address, email), cleared by a correct login,
 * and attempts per email alone (RATE_LIMIT_LOGIN_ACCOUNT), so rotating addresses cannot
 * brute-force one account. While the account's budget is spent even the right password is refused
 * (otherwise the lock would let a lucky guess in); its owner is told for how long.
 */
async function checkPassword(
  email: string,
  password: string,
  headers: Record<string, unknown> | undefined,
): Promise<SignInUser> {
  const ref = emailRef(email);
  const ip = requestAddresses(headers).client;
  const clientKey = `${ip}|${emailRef(email, 64)}`;
  const accountKey = emailRef(email, 64);
  try {
    await consume("login", clientKey);
  } catch (err) {
    if (retryAfter(err) === null) throw err;
    logger.warn({ event: "login.rate_limited", emailRef: ref, ip }, "login rate limited for this client and email");
    throw new Error("rate_limited");
  }
  try {
    await consume("login_account", accountKey);
  } catch (err) {
    const seconds = retryAfter(err);
    if (seconds === null) throw err;
    logger.warn(
      { event: "login.account_locked", emailRef: ref, ip, retryAfterSeconds: seconds },
      "login refused: too many attempts for this email",
    );
    throw new Error(accountLockedError(seconds));
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw new Error("invalid_credentials");
  if (user.status !== "ACTIVE") throw new Error("account_suspended");
  await Promise.all([release("login", clientKey), release("login_account", accountKey)]);
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}

/** next-auth's configuration under the given session settings (tests pass production's). */
export function buildAuthOptions(
  { secureCookies, refreshTtlSeconds }: { secureCookies: boolean; refreshTtlSeconds: number } = sessionSettings(),
): NextAuthOptions {
  return {
    secret: authSecret(),
    // The session JWT lives JWT_REFRESH_TTL_SECONDS from its last issue; the app re-issues it on
    // activity (components/auth/session-refresh.tsx) — see docs/operations.md "Sessions".
    session: { strategy: "jwt", maxAge: refreshTtlSeconds },
    // Secure cookies (named __Secure-…) in production and whenever APP_URL is https.
    useSecureCookies: secureCookies,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const email = EmailSchema.safeParse(credentials?.email ?? "");
          const password = credentials?.password ?? "";
          if (!email.success || !password) throw new Error("invalid_credentials");
          try {
            return await checkPassword(email.data, password, req?.headers);
          } catch (err) {
            // Only a known code reaches the browser (next-auth puts the message in ?error=).
            if (err instanceof Error && parseSignInError(err.message)) throw err;
            const requestId =
              typeof req?.headers?.["x-request-id"] === "string" ? req.headers["x-request-id"] : undefined;
            logger.error({ event: "login.failed", requestId, err }, "sign-in failed unexpectedly");
            throw new Error(GENERIC_SIGN_IN_ERROR);
          }
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
}

export const authOptions = buildAuthOptions();
