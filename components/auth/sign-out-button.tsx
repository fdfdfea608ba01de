"use client";
import { signOut } from "next-auth/react";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { LogOutIcon } from "@/components/ui/icons";

export function SignOutButton() {
  const { t } = useI18n();
  return (
    <Button
      variant="ghost"
      size="sm"
      fullWidth
      className="justify-start"
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
    >
      <LogOutIcon className="size-4" aria-hidden />
      {t("common.signOut")}
    </Button>
  );
}
