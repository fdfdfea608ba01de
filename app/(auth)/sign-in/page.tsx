import { Suspense } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/layout/auth-card";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getI18n } from "@/lib/http/locale";
import { getSessionUser } from "@/lib/auth/session";

export const metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getSessionUser()) redirect("/dashboard");
  const { t } = await getI18n();
  return (
    <AuthCard
      title={t("auth.signInTitle")}
      subtitle={t("auth.signInSubtitle")}
      aside={<LocaleSwitch />}
      footer={
        <>
          {t("auth.noAccount")}{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/sign-up">
            {t("auth.createOne")}
          </Link>
        </>
      }
    >
      <Suspense>
        <SignInForm />
      </Suspense>
    </AuthCard>
  );
}
