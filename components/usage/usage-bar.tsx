import { cn } from "@/components/ui/cn";
import { usageBand } from "@/lib/usage/views";

const FILL = { ok: "bg-brand-600", near: "bg-warning", reached: "bg-danger" } as const;

/** A horizontal meter of percent used: brand below 80 %, warning from 80 %, danger from 100 %. */
export function UsageBar({ percent, label, className }: { percent: number | null; label: string; className?: string }) {
  const value = percent ?? 0;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot take our colour bands consistently across browsers
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(value, 100)}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-surface-sunken", className)}
    >
      <div
        className={cn("h-full rounded-full", FILL[usageBand(percent)])}
        style={{ width: `${percent === null ? 0 : Math.min(100, Math.max(value, value > 0 ? 2 : 0))}%` }}
      />
    </div>
  );
}
