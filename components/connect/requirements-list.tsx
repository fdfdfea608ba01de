"use client";
import { useI18n } from "@/lib/i18n/client";
import { AlertTriangleIcon, CheckCircleIcon } from "@/components/ui/icons";
import { requirementLabels } from "./requirements";

/** Stripe's currently_due list, in words a seller understands. */
export function RequirementsList({ ids }: { ids: string[] }) {
  const { t } = useI18n();
  const labels = requirementLabels(t, ids);
  return (
    <section aria-labelledby="requirements-title">
      <h3 id="requirements-title" className="mb-2 text-sm font-semibold text-ink">
        {t("connect.requirements.title")}
      </h3>
      {labels.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-ink-muted">
          <CheckCircleIcon className="size-4 text-success" aria-hidden />
          {t("connect.requirements.none")}
        </p>
      ) : (
        <ul className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="requirements-due">
          {labels.map((label) => (
            <li key={label} className="flex items-start gap-2 text-ink">
              <AlertTriangleIcon className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
              {label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
