import type { LabelHTMLAttributes, Ref } from "react";
import { cn } from "./cn";

export type LabelProps = LabelHTMLAttributes<HTMLLabelElement> & {
  /** Adds a visual asterisk; the control itself should carry `required`. */
  required?: boolean;
  ref?: Ref<HTMLLabelElement>;
};

export function Label({ required, className, children, ...props }: LabelProps) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: htmlFor (or a nested control) comes from the caller
    <label {...props} className={cn("text-sm font-medium text-ink", className)}>
      {children}
      {required && (
        <span aria-hidden="true" className="ml-0.5 text-danger">
          *
        </span>
      )}
    </label>
  );
}
