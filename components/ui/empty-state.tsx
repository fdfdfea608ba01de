import type { ReactNode } from "react";
import { cn } from "./cn";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  /** An icon element, e.g. <LinkIcon />. */
  icon?: ReactNode;
  /** The next step, usually one primary Button. */
  action?: ReactNode;
  /** Drop the dashed border when already inside a Card or table. */
  bare?: boolean;
  className?: string;
};

export function EmptyState({ title, description, icon, action, bare, className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center px-6 py-12 text-center",
        !bare && "rounded-lg border border-dashed border-line-strong bg-surface-raised",
        className,
      )}
    >
      {icon && (
        <div className="mb-4 flex size-11 items-center justify-center rounded-full bg-brand-50 text-brand-700 ring-1 ring-brand-100 [&_svg]:size-5">
          {icon}
        </div>
      )}
      <p className="text-[15px] font-semibold text-ink">{title}</p>
      {description && <p className="mt-1 max-w-sm text-sm text-ink-muted">{description}</p>}
      {action && <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
