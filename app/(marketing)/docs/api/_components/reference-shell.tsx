// The reference's frame: a sidebar of sections (a collapsible list on phones) beside the content.
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { getI18n } from "@/lib/http/locale";
import type { TagName } from "@/lib/openapi/tags";
import { MethodBadge } from "./method-badge";
import type { DocSection } from "./model";

type Props = { sections: DocSection[]; active?: TagName; children: ReactNode };

export async function ReferenceShell({ sections, active, children }: Props) {
  const { t } = await getI18n();
  const current = sections.find((s) => s.tag === active);
  const list = (
    <ul className="space-y-0.5 text-sm">
      <li>
        <SideLink href="/docs/api" active={!active}>
          {t("apiDocs.overview")}
        </SideLink>
      </li>
      {sections.map((s) => (
        <li key={s.tag}>
          <SideLink href={`/docs/api/${s.tag}`} active={s.tag === active}>
            <span className="truncate">{t(`apiDocsTags.title.${s.tag}`)}</span>
            <span className="ml-auto pl-2 text-xs text-ink-subtle tabular-nums">{s.operations.length}</span>
          </SideLink>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:py-12">
      <aside className="lg:sticky lg:top-24 lg:max-h-[calc(100dvh-7rem)] lg:self-start lg:overflow-y-auto">
        <details className="group rounded-lg border border-line bg-surface lg:hidden">
          <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-ink">
            {t("apiDocs.sections")}
            {current ? ` · ${t(`apiDocsTags.title.${current.tag}`)}` : ""}
          </summary>
          <nav aria-label={t("apiDocs.sections")} className="border-t border-line p-2">
            {list}
          </nav>
        </details>
        <nav aria-label={t("apiDocs.sections")} className="hidden lg:block">
          <p className="mb-2 px-2 text-xs font-semibold tracking-wider text-ink-subtle uppercase">
            {t("apiDocs.sections")}
          </p>
          {list}
          {current && (
            <div className="mt-6">
              <p className="mb-2 px-2 text-xs font-semibold tracking-wider text-ink-subtle uppercase">
                {t("apiDocs.onThisPage")}
              </p>
              <ul className="space-y-0.5">
                {current.operations.map((o) => (
                  <li key={o.id}>
                    <a
                      href={`#${o.id}`}
                      className="flex items-center gap-2 rounded-md px-2 py-1 text-xs text-ink-muted hover:bg-surface-hover hover:text-ink"
                    >
                      <MethodBadge method={o.method} small />
                      <span className="truncate font-mono">{o.path.replace("/api/v1", "")}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </nav>
      </aside>
      <main className="min-w-0">{children}</main>
    </div>
  );
}

function SideLink({ href, active, children }: { href: string; active: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center rounded-md px-2 py-1.5 transition-colors focus-visible:outline-2 focus-visible:outline-focus",
        active ? "bg-brand-50 font-medium text-brand-800" : "text-ink-muted hover:bg-surface-hover hover:text-ink",
      )}
    >
      {children}
    </Link>
  );
}
