"use client";
import { usePathname } from "next/navigation";
import { useI18n } from "@/lib/i18n/client";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { cn } from "@/components/ui/cn";

const names: Record<Locale, { short: string; long: string }> = {
  "pt-BR": { short: "PT", long: "Português (Brasil)" },
  en: { short: "EN", long: "English" },
};

/** Posts the chosen locale to /api/locale, which saves it and redirects back to this page. */
export function LocaleSwitch({ className }: { className?: string }) {
  const { locale, t } = useI18n();
  const pathname = usePathname() || "/";
  return (
    <form
      action="/api/locale"
      method="post"
      aria-label={t("ui.language")}
      className={cn("inline-flex rounded-md border border-line-strong bg-surface-raised p-0.5", className)}
    >
      <input type="hidden" name="redirect" value={pathname} />
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-label={names[l].long}
          aria-pressed={l === locale}
          className={cn(
            "h-7 rounded-[5px] px-2 text-xs font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-focus",
            l === locale ? "bg-surface-sunken text-ink shadow-xs" : "text-ink-subtle hover:text-ink",
          )}
        >
          {names[l].short}
        </button>
      ))}
    </form>
  );
}
