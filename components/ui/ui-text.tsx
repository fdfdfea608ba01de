"use client";
import { useI18n } from "@/lib/i18n/client";
import type { Messages } from "@/lib/i18n/messages";

/** Renders one `ui.*` string, so server-renderable primitives can show localized defaults. */
export function UiText({ k }: { k: keyof Messages["ui"] }) {
  const { t } = useI18n();
  return <>{t(`ui.${k}`)}</>;
}
