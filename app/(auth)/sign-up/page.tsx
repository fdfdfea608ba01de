import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/layout/auth-card";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getI18n } from "@/lib/http/locale";
import { getSessionUser } from "@/lib/auth/session";

export const metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/dashboard");
  const { t } = await getI18n();
  return (
    <AuthCard
      title={t("auth.signUpTitle")}
      subtitle={t("auth.signUpSubtitle")}
      aside={<LocaleSwitch />}
      footer={
        <>
          {t("auth.haveAccount")}{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/sign-in">
            {t("auth.signInInstead")}
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
