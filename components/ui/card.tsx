import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

type DivProps = HTMLAttributes<HTMLDivElement>;

export function Card({ className, ...props }: DivProps) {
  return <div {...props} className={cn("rounded-lg border border-line bg-surface-raised shadow-card", className)} />;
}

/** Title block; put a button or menu in `actions` to align it right. */
export function CardHeader({ className, actions, children, ...props }: DivProps & { actions?: ReactNode }) {
  return (
    <div {...props} className={cn("flex items-start justify-between gap-4 px-5 pt-5 pb-3 sm:px-6", className)}>
      <div className="flex min-w-0 flex-col gap-1">{children}</div>
      {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
    </div>
  );
}

export function CardTitle({
  className,
  as: Tag = "h2",
  ...props
}: HTMLAttributes<HTMLHeadingElement> & { as?: "h2" | "h3" | "h4" }) {
  return <Tag {...props} className={cn("text-base font-semibold tracking-tight text-ink", className)} />;
}

export function CardDescription({ className, ...props }: HTMLAttributes<HTMLParagraphElement>) {
  return <p {...props} className={cn("text-sm text-ink-muted", className)} />;
}

export function CardContent({ className, ...props }: DivProps) {
  return <div {...props} className={cn("px-5 py-4 sm:px-6", className)} />;
}

export function CardFooter({ className, ...props }: DivProps) {
  return (
    <div
      {...props}
      className={cn(
        "flex flex-wrap items-center justify-end gap-2 rounded-b-lg border-t border-line bg-surface px-5 py-3 sm:px-6",
        className,
      )}
    />
  );
}
