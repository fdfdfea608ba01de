import type { Ref, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";
import { controlBase } from "./control";

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> };

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      {...props}
      className={cn(controlBase, "min-h-20 px-3 py-2 text-sm leading-relaxed read-only:bg-surface-sunken", className)}
    />
  );
}
