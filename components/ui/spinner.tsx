import { cn } from "./cn";

export type SpinnerProps = {
  size?: "sm" | "md" | "lg";
  /** Accessible label; omit when the spinner sits inside something already marked aria-busy. */
  label?: string;
  className?: string;
};

const sizes = { sm: "size-3.5", md: "size-5", lg: "size-8" } as const;

export function Spinner({ size = "md", label, className }: SpinnerProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      className={cn("animate-spin shrink-0", sizes[size], className)}
      role={label ? "status" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
