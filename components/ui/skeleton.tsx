import type { HTMLAttributes } from "react";
import { cn } from "./cn";

/** Placeholder block while content loads; size it with className (e.g. "h-4 w-32"). */
export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden="true" {...props} className={cn("animate-pulse rounded-md bg-surface-hover", className)} />;
}
