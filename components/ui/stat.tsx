import type { ReactNode } from "react";
import { cn } from "./cn";

export type StatTrend = "up" | "down" | "flat";

export type StatProps = {
  label: ReactNode;
  /** Already formatted, e.g. formatMoney(…). */
  value: ReactNode;
  /** Change vs. the previous period, already formatted ("+12,4%"). */
  delta?: {
    value: ReactNode;
    trend: StatTrend /** Set when "down" is the good direction (e.g. refunds). */;
    invert?: boolean;
  };
  /** Context under the value, e.g. "last 30 days". */
  hint?: ReactNode;
  icon?: ReactNode;
  className?: string;
};

const arrows: Record<StatTrend, string> = { up: "↑", down: "↓", flat: "→" };

/** A KPI tile. */
export function Stat({ label, value, delta, hint, icon, className }: StatProps) {
  const good = delta && delta.trend !== "flat" && (delta.trend === "up") !== !!delta.invert;
  const deltaClass =
    !delta || delta.trend === "flat"
      ? "bg-surface-sunken text-ink-muted"
      : good
        ? "bg-success-bg text-success-ink"
        : "bg-danger-bg text-danger-ink";
  return (
    <div
      className={cn("flex flex-col gap-2 rounded-lg border border-line bg-surface-raised p-5 shadow-card", className)}
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-[13px] font-medium text-ink-muted">{label}</p>
        {icon && <span className="text-ink-subtle [&_svg]:size-4">{icon}</span>}
      </div>
      <p className="text-2xl font-semibold tracking-tight text-ink tabular-nums">{value}</p>
      {(delta || hint) && (
        <div className="flex flex-wrap items-center gap-2 text-[13px]">
          {delta && (
            <span
              className={cn(
                "inline-flex items-center gap-0.5 rounded px-1.5 py-px font-medium tabular-nums",
                deltaClass,
              )}
            >
              <span aria-hidden="true">{arrows[delta.trend]}</span>
              {delta.value}
            </span>
          )}
          {hint && <span className="text-ink-subtle">{hint}</span>}
        </div>
      )}
    </div>
  );
}
