import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CheckCircleIcon, ChevronDownIcon, ChevronRightIcon } from "@/components/ui/icons";
import { getGettingStarted, type GettingStartedStep } from "@/lib/account/getting-started";
import { getI18n } from "@/lib/http/locale";
import type { MessageKey } from "@/lib/i18n/translate";

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

function StepList({ steps, t }: { steps: GettingStartedStep[]; t: T }) {
  return (
    <ol className="divide-y divide-line" data-testid="getting-started-steps">
      {steps.map((s) => (
        <li key={s.id} data-step={s.id} data-done={s.done}>
          <Link href={s.href} className="group flex items-center gap-3 py-3 text-sm">
            <CheckCircleIcon
              className={s.done ? "size-5 shrink-0 text-success" : "size-5 shrink-0 text-line-strong"}
              aria-hidden
            />
            <span className="flex min-w-0 flex-col">
              <span
                className={s.done ? "text-ink-muted line-through" : "font-medium text-ink group-hover:text-brand-700"}
              >
                {t(`dashboard.steps.${s.id}.title` as MessageKey)}
              </span>
              {!s.done && (
                <span className="text-[13px] text-ink-subtle">{t(`dashboard.steps.${s.id}.hint` as MessageKey)}</span>
              )}
            </span>
            {s.done && <span className="sr-only">{t("dashboard.gettingStartedDone")}</span>}
            <ChevronRightIcon className="ml-auto size-4 shrink-0 text-ink-subtle" aria-hidden />
          </Link>
        </li>
      ))}
    </ol>
  );
}

/**
 * The Getting-started checklist of the dashboard home, computed from the store's data
 * (lib/account/getting-started.ts). Once every step is done it folds into one line that can be
 * opened again (a native <details>, so it needs no client code).
 */
export async function GettingStartedCard({ store }: { store: { id: string; currency: string } }) {
  const { t } = await getI18n();
  const { steps, done, total, complete } = await getGettingStarted(store);
  const progress = t("dashboard.gettingStartedProgress", { done, total });
  if (complete)
    return (
      <Card data-testid="getting-started" data-complete="true">
        <details className="group">
          <summary className="flex cursor-pointer list-none items-center gap-3 px-5 py-4 text-sm sm:px-6 [&::-webkit-details-marker]:hidden">
            <CheckCircleIcon className="size-5 shrink-0 text-success" aria-hidden />
            <span className="min-w-0 flex-1 text-ink">{t("dashboard.gettingStartedComplete")}</span>
            <span className="shrink-0 font-medium text-brand-700 group-open:hidden">
              {t("dashboard.gettingStartedShow")}
            </span>
            <span className="hidden shrink-0 font-medium text-brand-700 group-open:inline">
              {t("dashboard.gettingStartedHide")}
            </span>
            <ChevronDownIcon className="size-4 shrink-0 text-ink-subtle group-open:rotate-180" aria-hidden />
          </summary>
          <CardContent className="pt-0">
            <StepList steps={steps} t={t} />
          </CardContent>
        </details>
      </Card>
    );
  return (
    <Card data-testid="getting-started" data-complete="false">
      <CardHeader>
        <CardTitle>{t("dashboard.gettingStarted")}</CardTitle>
        <CardDescription>{progress}</CardDescription>
      </CardHeader>
      <div className="px-5 sm:px-6">
        <div
          className="h-1.5 overflow-hidden rounded-full bg-surface-sunken"
          role="progressbar"
          aria-label={progress}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
        >
          <div
            className="h-full origin-left rounded-full bg-success"
            style={{ transform: `scaleX(${total ? done / total : 0})` }}
          />
        </div>
      </div>
      <CardContent>
        <StepList steps={steps} t={t} />
      </CardContent>
    </Card>
  );
}
