"use client";
import { useState } from "react";
import { PackageIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";

/** The product's image (any seller host, so a plain <img>) or a neutral placeholder when absent or broken. */
export function ProductThumb({ src, className }: { src: string | null; className?: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  const show = src && failed !== src;
  return (
    <span
      className={cn(
        "flex size-12 shrink-0 items-center justify-center overflow-hidden rounded-md border border-line bg-surface-sunken text-ink-subtle",
        className,
      )}
    >
      {show ? (
        <img src={src} alt="" className="size-full object-cover" loading="lazy" onError={() => setFailed(src)} />
      ) : (
        <PackageIcon className="size-5" aria-hidden />
      )}
    </span>
  );
}
