import type { HTMLAttributes } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info" | "brand";

const tones: Record<BadgeTone, { box: string; dot: string }> = {
  neutral: { box: "bg-surface-sunken text-ink-muted ring-line-strong", dot: "bg-ink-subtle" },
  success: { box: "bg-success-bg text-success-ink ring-success-line", dot: "bg-success" },
  warning: { box: "bg-warning-bg text-warning-ink ring-warning-line", dot: "bg-warning" },
  danger: { box: "bg-danger-bg text-danger-ink ring-danger-line", dot: "bg-danger" },
  info: { box: "bg-info-bg text-info-ink ring-info-line", dot: "bg-info" },
  brand: { box: "bg-brand-50 text-brand-800 ring-brand-200", dot: "bg-brand-600" },
};

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  tone?: BadgeTone;
  /** A small status dot before the text (for payment/delivery states). */
  dot?: boolean;
};

/** Short status label. Colour is never the only signal: the text says the state. */
export function Badge({ tone = "neutral", dot, className, children, ...props }: BadgeProps) {
  return (
    <span
      {...props}
      className={cn(
        "inline-flex h-5.5 items-center gap-1.5 rounded-full px-2 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone].box,
        className,
      )}
    >
      {dot && <span aria-hidden="true" className={cn("size-1.5 rounded-full", tones[tone].dot)} />}
      {children}
    </span>
  );
}
