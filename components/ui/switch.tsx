import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { cn } from "./cn";

export type SwitchProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "role"> & {
  label?: ReactNode;
  description?: ReactNode;
  ref?: Ref<HTMLInputElement>;
};

/** An on/off setting: a native checkbox with role="switch", so it posts with forms and works without JS. */
export function Switch({ label, description, className, ...props }: SwitchProps) {
  const track = (
    <span className="relative inline-flex h-5 w-9 shrink-0">
      <input
        {...props}
        type="checkbox"
        // biome-ignore lint/a11y/useAriaPropsForRole: a checkbox with role="switch" exposes its checked state natively (WAI-ARIA switch pattern)
        role="switch"
        className={cn(
          "peer absolute inset-0 size-full cursor-pointer appearance-none rounded-full bg-line-control transition-colors",
          "checked:bg-brand-700 hover:bg-ink-subtle checked:hover:bg-brand-800",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus disabled:cursor-not-allowed disabled:opacity-55",
        )}
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute top-0.5 left-0.5 size-4 rounded-full bg-surface-raised shadow-xs transition-transform peer-checked:translate-x-4"
      />
    </span>
  );
  if (!label) return <span className={className}>{track}</span>;
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the switch input is inside the label (track)
    <label
      className={cn(
        "flex cursor-pointer items-start justify-between gap-4 text-sm has-disabled:cursor-not-allowed",
        className,
      )}
    >
      <span className="flex flex-col gap-0.5">
        <span className="font-medium text-ink">{label}</span>
        {description && <span className="text-[13px] text-ink-subtle">{description}</span>}
      </span>
      {track}
    </label>
  );
}
