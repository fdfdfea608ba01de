import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";
import { AlertTriangleIcon, CheckCircleIcon, InfoIcon, XCircleIcon } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "danger" | "neutral";

const tones: Record<AlertTone, { box: string; icon: string; Icon: typeof InfoIcon }> = {
  info: { box: "border-info-line bg-info-bg text-info-ink", icon: "text-info", Icon: InfoIcon },
  success: { box: "border-success-line bg-success-bg text-success-ink", icon: "text-success", Icon: CheckCircleIcon },
  warning: { box: "border-warning-line bg-warning-bg text-warning-ink", icon: "text-warning", Icon: AlertTriangleIcon },
  danger: { box: "border-danger-line bg-danger-bg text-danger-ink", icon: "text-danger", Icon: XCircleIcon },
  neutral: { box: "border-line bg-surface-sunken text-ink-muted", icon: "text-ink-subtle", Icon: InfoIcon },
};

export type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  tone?: AlertTone;
  title?: ReactNode;
  /** Replaces the tone's default icon; pass null for none. */
  icon?: ReactNode;
  /** Buttons or links shown under the text. */
  actions?: ReactNode;
};

/** A callout. Danger and warning use role="alert" so they are announced when they appear. */
export function Alert({ tone = "info", title, icon, actions, className, children, ...props }: AlertProps) {
  const { box, icon: iconClass, Icon } = tones[tone];
  const role = tone === "danger" || tone === "warning" ? "alert" : "status";
  return (
    <div role={role} {...props} className={cn("flex gap-3 rounded-lg border px-4 py-3 text-sm", box, className)}>
      {icon === undefined ? <Icon size={18} className={cn("mt-px shrink-0", iconClass)} /> : icon}
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className="leading-relaxed [&_a]:font-medium [&_a]:underline">{children}</div>}
        {actions && <div className="mt-2 flex flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  );
}
