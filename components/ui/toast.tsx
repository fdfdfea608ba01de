"use client";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { cn } from "./cn";
import { CheckCircleIcon, InfoIcon, XCircleIcon, XIcon } from "./icons";

export type ToastTone = "success" | "error" | "info";
export type ToastOptions = { description?: ReactNode /** ms; 0 keeps it until dismissed. */; duration?: number };
type ToastItem = { id: number; tone: ToastTone; title: ReactNode } & ToastOptions;

type ToastApi = {
  success: (title: ReactNode, options?: ToastOptions) => number;
  error: (title: ReactNode, options?: ToastOptions) => number;
  info: (title: ReactNode, options?: ToastOptions) => number;
  dismiss: (id: number) => void;
};

const ToastContext = createContext<ToastApi | null>(null);
const MAX_VISIBLE = 4;
const DEFAULT_DURATION: Record<ToastTone, number> = { success: 4000, info: 5000, error: 8000 };

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), []);
  const api = useMemo<ToastApi>(() => {
    const push = (tone: ToastTone) => (title: ReactNode, options?: ToastOptions) => {
      const id = nextId.current++;
      setItems((list) => [...list, { id, tone, title, ...options }].slice(-MAX_VISIBLE));
      return id;
    };
    return { success: push("success"), error: push("error"), info: push("info"), dismiss };
  }, [dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <ToastViewport items={items} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

/** success / error / info toasts. Errors stay longer and are announced assertively. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}

function ToastViewport({ items, onDismiss }: { items: ToastItem[]; onDismiss: (id: number) => void }) {
  const { t } = useI18n();
  return (
    <section
      aria-label={t("ui.notifications")}
      className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4 sm:inset-x-auto sm:right-0 sm:justify-end"
    >
      <ol aria-live="polite" className="flex w-full max-w-sm flex-col gap-2">
        {items.map((item) => (
          <Toast key={item.id} item={item} onDismiss={onDismiss} dismissLabel={t("ui.dismiss")} />
        ))}
      </ol>
    </section>
  );
}

const tones: Record<ToastTone, { Icon: typeof InfoIcon; icon: string }> = {
  success: { Icon: CheckCircleIcon, icon: "text-success" },
  error: { Icon: XCircleIcon, icon: "text-danger" },
  info: { Icon: InfoIcon, icon: "text-info" },
};

function Toast({
  item,
  onDismiss,
  dismissLabel,
}: {
  item: ToastItem;
  onDismiss: (id: number) => void;
  dismissLabel: string;
}) {
  const [paused, setPaused] = useState(false);
  const duration = item.duration ?? DEFAULT_DURATION[item.tone];
  useEffect(() => {
    if (paused || duration === 0) return;
    const timer = setTimeout(() => onDismiss(item.id), duration);
    return () => clearTimeout(timer);
  }, [paused, duration, onDismiss, item.id]);

  const { Icon, icon } = tones[item.tone];
  return (
    <li
      role={item.tone === "error" ? "alert" : "status"}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className="pointer-events-auto flex animate-toast-in items-start gap-3 rounded-lg border border-line bg-surface-raised p-3.5 pr-2.5 shadow-pop"
    >
      <Icon size={18} className={cn("mt-px shrink-0", icon)} />
      <div className="min-w-0 flex-1 text-sm">
        <p className="font-medium text-ink">{item.title}</p>
        {item.description && <p className="mt-0.5 text-ink-muted">{item.description}</p>}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(item.id)}
        aria-label={dismissLabel}
        className="-my-1 rounded-md p-1 text-ink-subtle hover:bg-surface-hover hover:text-ink focus-visible:outline-2 focus-visible:outline-focus"
      >
        <XIcon size={16} />
      </button>
    </li>
  );
}
