import type { Ref, SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { controlBase, controlSizes, type ControlSize } from "./control";
import { ChevronDownIcon } from "./icons";

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "size"> & {
  size?: ControlSize;
  /** Shorthand for plain <option> children. */
  options?: SelectOption[];
  /** Adds a first, empty option with this text (selected when value is ""). */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
};

/** The native select, styled like Input. Native keeps mobile pickers and form posts working without JS. */
export function Select({ size = "md", options, placeholder, className, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", className)}>
      <select {...props} className={cn(controlBase, controlSizes[size], "appearance-none pr-9")}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options?.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      <ChevronDownIcon
        size={16}
        className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-ink-subtle"
      />
    </div>
  );
}
