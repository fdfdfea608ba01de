import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { cn } from "./cn";
import { controlBase, controlSizes, type ControlSize } from "./control";

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "size"> & {
  size?: ControlSize;
  /** Fixed text or icon shown inside the field before the value, e.g. "R$" or a search icon. */
  leading?: ReactNode;
  /** Fixed text shown after the value, e.g. "%" or ".vitrine.app". */
  trailing?: ReactNode;
  ref?: Ref<HTMLInputElement>;
};

export function Input({ size = "md", leading, trailing, className, ...props }: InputProps) {
  const input = (
    <input
      {...props}
      className={cn(
        controlBase,
        controlSizes[size],
        "read-only:bg-surface-sunken",
        !!leading && "pl-9",
        !!trailing && "pr-12",
        !leading && !trailing && className,
      )}
    />
  );
  if (!leading && !trailing) return input;
  return (
    <div className={cn("relative", className)}>
      {leading && (
        <span className="pointer-events-none absolute inset-y-0 left-0 flex w-9 items-center justify-center text-sm text-ink-subtle [&_svg]:size-4">
          {leading}
        </span>
      )}
      {input}
      {trailing && (
        <span className="pointer-events-none absolute inset-y-0 right-0 flex items-center pr-3 text-sm text-ink-subtle">
          {trailing}
        </span>
      )}
    </div>
  );
}
