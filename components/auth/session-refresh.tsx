"use client";
import { useEffect } from "react";

/**
 * Keeps an open dashboard signed in: every `everySeconds` (JWT_ACCESS_TTL_SECONDS) while the tab is
 * visible, and on returning to it after that long, asks next-auth for the session, which re-issues
 * the session cookie for another JWT_REFRESH_TTL_SECONDS. An idle session expires on its own.
 */
export function SessionRefresh({ everySeconds }: { everySeconds: number }) {
  useEffect(() => {
    let last = Date.now();
    const refresh = () => {
      if (document.visibilityState !== "visible" || Date.now() - last < everySeconds * 1000) return;
      last = Date.now();
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
    };
    const timer = window.setInterval(refresh, Math.max(30, everySeconds / 3) * 1000);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [everySeconds]);
  return null;
}
