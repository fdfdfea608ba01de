"use client";
import "./globals.css";
import errors from "@/lib/i18n/messages/errors";

/**
 * The last resort, when the root layout itself failed: no providers exist here, so the language
 * comes from the browser and the words straight from the errors namespace.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = typeof navigator !== "undefined" && !navigator.language.toLowerCase().startsWith("pt") ? "en" : "pt-BR";
  const m = errors[lang].error;
  return (
    <html lang={lang}>
      <body className="flex min-h-dvh items-center justify-center bg-surface px-4 text-ink antialiased">
        <main className="w-full max-w-md rounded-lg border border-line bg-surface-raised px-6 py-10 text-center shadow-card">
          <p className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{m.code}</p>
          <h1 className="mt-1 text-xl font-semibold">{m.title}</h1>
          <p className="mt-2 text-sm text-ink-muted">{m.body}</p>
          {error.digest && (
            <p className="mt-3 font-mono text-xs text-ink-subtle">{m.reference.replace("{digest}", error.digest)}</p>
          )}
          <div className="mt-6 flex flex-col justify-center gap-2 sm:flex-row">
            <button
              type="button"
              onClick={reset}
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              {m.retry}
            </button>
            <a
              href="/"
              className="rounded-md border border-line px-4 py-2 text-sm font-medium text-ink hover:bg-surface-sunken"
            >
              {m.home}
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
