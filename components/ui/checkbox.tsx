import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { cn } from "./cn";

export type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  label?: ReactNode;
  description?: ReactNode;
  ref?: Ref<HTMLInputElement>;
};

/** Native checkbox with a custom box; the whole label is the hit area. */
export function Checkbox({ label, description, className, id, ...props }: CheckboxProps) {
  const box = (
    <span className="relative mt-0.5 inline-flex size-4 shrink-0">
      <input
        {...props}
        id={id}
        type="checkbox"
        className={cn(
          "peer size-4 cursor-pointer appearance-none rounded-[5px] border border-line-control bg-surface-raised shadow-xs transition-colors",
          "checked:border-brand-700 checked:bg-brand-700 hover:border-ink-subtle checked:hover:border-brand-800 checked:hover:bg-brand-800",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus",
          "aria-invalid:border-danger disabled:cursor-not-allowed disabled:opacity-55",
          !label && className,
        )}
      />
      <svg
        viewBox="0 0 16 16"
        fill="none"
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 size-4 text-ink-inverse opacity-0 peer-checked:opacity-100"
      >
        <path
          d="m4 8.5 2.5 2.5L12 5.5"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  );
  if (!label) return box;
  return (
    <label
      htmlFor={id}
      className={cn("flex cursor-pointer items-start gap-2.5 text-sm has-disabled:cursor-not-allowed", className)}
    >
      {box}
      <span className="flex flex-col gap-0.5">
        <span className="font-medium text-ink">{label}</span>
        {description && <span className="text-[13px] text-ink-subtle">{description}</span>}
      </span>
    </label>
  );
}
