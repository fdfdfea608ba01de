import type { ReactNode } from "react";
import type { FieldRow } from "@/lib/openapi/fields";
import type { TranslateFn } from "@/lib/i18n/translate";

const C = ({ children }: { children: ReactNode }) => (
  <code className="rounded-sm bg-surface-sunken px-1 py-px font-mono text-[0.8rem] break-all text-ink">{children}</code>
);

export type ParamRow = FieldRow & { in?: string };

/** Fields of a body or parameters of a request: a table at desktop width, stacked rows on phones. */
export function FieldTable({ rows, t, showIn }: { rows: ParamRow[]; t: TranslateFn; showIn?: boolean }) {
  return (
    <div className="overflow-hidden rounded-lg border border-line">
      <div
        className={`hidden gap-3 border-b border-line bg-surface px-3 py-2 text-xs font-semibold text-ink-subtle sm:grid ${showIn ? "sm:grid-cols-[minmax(9rem,1.2fr)_4rem_minmax(6rem,1fr)_5rem_minmax(0,2fr)]" : "sm:grid-cols-[minmax(9rem,1.2fr)_minmax(6rem,1fr)_5rem_minmax(0,2fr)]"}`}
      >
        <span>{t("apiDocs.col.name")}</span>
        {showIn && <span>{t("apiDocs.col.in")}</span>}
        <span>{t("apiDocs.col.type")}</span>
        <span>{t("apiDocs.col.required")}</span>
        <span>{t("apiDocs.col.rules")}</span>
      </div>
      <ul className="divide-y divide-line">
        {rows.map((r) => (
          <li
            key={`${r.in ?? ""}${r.name}`}
            className={`grid gap-1 px-3 py-2 text-sm sm:gap-3 ${showIn ? "sm:grid-cols-[minmax(9rem,1.2fr)_4rem_minmax(6rem,1fr)_5rem_minmax(0,2fr)]" : "sm:grid-cols-[minmax(9rem,1.2fr)_minmax(6rem,1fr)_5rem_minmax(0,2fr)]"}`}
          >
            <span className="flex flex-wrap items-center gap-2">
              <C>{r.name}</C>
              {r.required && (
                <span className="text-xs font-medium text-danger-ink sm:hidden">{t("apiDocs.col.required")}</span>
              )}
            </span>
            {showIn && <span className="text-xs text-ink-subtle sm:text-sm">{r.in}</span>}
            <span className="font-mono text-xs text-ink-muted">{r.type}</span>
            <span className="hidden text-xs sm:block">
              {r.required ? (
                <span className="font-medium text-danger-ink">{t("apiDocs.yes")}</span>
              ) : (
                <span className="text-ink-subtle">{t("apiDocs.no")}</span>
              )}
            </span>
            <span className="text-xs leading-5 break-words text-ink-muted">
              {[r.description, ...r.notes].filter(Boolean).join(" · ")}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
