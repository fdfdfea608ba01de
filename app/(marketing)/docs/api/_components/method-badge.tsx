import { cn } from "@/components/ui/cn";

const TONES: Record<string, string> = {
  GET: "bg-info-bg text-info-ink ring-info-line",
  POST: "bg-success-bg text-success-ink ring-success-line",
  PUT: "bg-warning-bg text-warning-ink ring-warning-line",
  PATCH: "bg-warning-bg text-warning-ink ring-warning-line",
  DELETE: "bg-danger-bg text-danger-ink ring-danger-line",
};

/** The HTTP method as a fixed-width chip, so paths line up in lists. */
export function MethodBadge({ method, small }: { method: string; small?: boolean }) {
  return (
    <span
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded font-mono font-semibold ring-1 ring-inset",
        small ? "w-12 py-px text-[10px]" : "w-14 py-0.5 text-xs",
        TONES[method] ?? "bg-surface-sunken text-ink-muted ring-line-strong",
      )}
    >
      {method}
    </span>
  );
}
