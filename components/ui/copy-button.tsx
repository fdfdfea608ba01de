"use client";
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { CheckIcon, CopyIcon } from "./icons";
import { useToast } from "./toast";

export type CopyButtonProps = {
  value: string;
  /** Visible label; defaults to "Copy". Ignored when iconOnly. */
  label?: string;
  iconOnly?: boolean;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Toast on success; set false when the inline "Copied" is enough. */
  toast?: boolean;
  className?: string;
};

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Plain-HTTP origins (LAN, local IPs) have no async clipboard API.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

/** Copies `value`, flips to "Copied" for two seconds and shows a toast. */
export function CopyButton({
  value,
  label,
  iconOnly,
  variant = "secondary",
  size = "sm",
  toast = true,
  className,
}: CopyButtonProps) {
  const { t } = useI18n();
  const toasts = useToast();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await writeClipboard(value);
      setCopied(true);
      if (toast) toasts.success(t("ui.copiedToClipboard"));
    } catch {
      toasts.error(t("ui.copyFailed"));
    }
  }

  const text = copied ? t("ui.copied") : (label ?? t("ui.copy"));
  return (
    <Button
      variant={variant}
      size={size}
      iconOnly={iconOnly}
      onClick={copy}
      aria-label={iconOnly ? text : undefined}
      className={className}
    >
      {copied ? <CheckIcon className="text-success" /> : <CopyIcon />}
      {!iconOnly && <span aria-live="polite">{text}</span>}
    </Button>
  );
}
