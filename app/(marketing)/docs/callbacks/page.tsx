// /docs/callbacks — the public store-callback guide, in the visitor's language. The events are read
// from lib/callbacks/contract.ts, the schedule from lib/callbacks/config.ts and the Node example is
// docs/examples/verify-callback.ts itself, so the page says what Vitrine actually sends.
import { readFileSync } from "node:fs";
import path from "node:path";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { callbackEnv, REQUEST_TIMEOUT_MS, RESPONSE_EXCERPT_CHARS, RETRY_DELAYS_SECONDS } from "@/lib/callbacks/config";
import { CALLBACK_CONTRACT_VERSION, contractReference, ENVELOPE_FIELDS } from "@/lib/callbacks/contract-reference";
import { getI18n } from "@/lib/http/locale";
import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t("callbackDocs.metaTitle") };
}

let example: string | null = null;
/** docs/examples/verify-callback.ts as shipped (read once; tests/callbacks/docs-example.test.ts runs it). */
function verifyExample(): string {
  example ??= readFileSync(path.join(process.cwd(), "docs/examples/verify-callback.ts"), "utf8").trimEnd();
  return example;
}

const ROUTE_EXAMPLE = `import { env } from "node:process";
import { verifyWithStandardWebhooks } from "./verify-callback";

export async function POST(req: Request) {
  const raw = await req.text(); // the raw body, not req.json()
  let event;
  try {
    event = verifyWithStandardWebhooks(raw, Object.fromEntries(req.headers), env.VITRINE_CALLBACK_SECRET!);
  } catch {
    return new Response("invalid signature", { status: 400 });
  }
  await recordOnce(event.id, event); // INSERT … ON CONFLICT (event_id) DO NOTHING, then queue the work
  return new Response(null, { status: 204 });
}`;

const DEDUP_SQL = `CREATE TABLE vitrine_events (id text PRIMARY KEY, type text NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
-- INSERT INTO vitrine_events (id, type) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id;
-- No row returned → already handled: answer 200 and stop.`;

const SECTIONS = ["setup", "events", "payload", "signatures", "retries", "idempotency"] as const;

/** A message key built from data, with a fallback when this build has no words for it (a newer event type). */
function maybe(t: TranslateFn, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

function delayText(seconds: number, locale: string): string {
  const [value, unit] =
    seconds < 60 ? [seconds, "second"] : seconds < 3600 ? [seconds / 60, "minute"] : [seconds / 3600, "hour"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long", maximumFractionDigits: 1 }).format(
    value,
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="scroll-mt-24 space-y-4" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-xl font-semibold tracking-tight text-ink">
        {title}
      </h2>
      {children}
    </section>
  );
}

function CodeSample({ code, label }: { code: string; label: string }) {
  return (
    <pre
      data-label={label}
      className="max-w-full overflow-x-auto rounded-lg border border-line bg-surface-sunken p-4 font-mono text-xs leading-relaxed text-ink"
    >
      <code>{code}</code>
    </pre>
  );
}

const P = ({ children }: { children: ReactNode }) => (
  <p className="text-[15px] leading-relaxed text-ink-muted">{children}</p>
);
const C = ({ children }: { children: ReactNode }) => (
  <code className="rounded-sm bg-surface-sunken px-1 py-px font-mono text-[0.85em] text-ink">{children}</code>
);

export default async function CallbacksGuidePage() {
  const { t, locale } = await getI18n();
  const events = contractReference();
  const disableAfter = callbackEnv().CALLBACK_DISABLE_AFTER_FAILURES;
  return (
    <div className="mx-auto max-w-4xl px-4 py-12 sm:px-6" data-testid="callbacks-guide">
      <header className="space-y-3">
        <p className="text-sm font-semibold text-brand-700">{t("callbackDocs.kicker")}</p>
        <h1 className="text-3xl font-semibold tracking-tight text-ink">{t("callbackDocs.title")}</h1>
        <p className="text-base leading-relaxed text-ink-muted">{t("callbackDocs.lead")}</p>
        <p className="text-sm">
          <Link href="/docs/api" className="font-medium text-brand-700 hover:underline">
            {t("callbackDocs.apiReference")}
          </Link>
        </p>
      </header>

      <nav aria-label={t("callbackDocs.contents")} className="mt-8 rounded-lg border border-line bg-surface p-4">
        <p className="mb-2 text-xs font-semibold tracking-wide text-ink-subtle uppercase">
          {t("callbackDocs.contents")}
        </p>
        <ol className="grid gap-1 text-sm sm:grid-cols-2">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`} className="text-brand-700 hover:underline">
                {t(`callbackDocs.toc.${s}`)}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <div className="mt-10 space-y-12">
        <Section id="setup" title={t("callbackDocs.toc.setup")}>
          <P>{t("callbackDocs.setupBody")}</P>
          <Button href="/dashboard/callbacks" variant="secondary">
            {t("callbackDocs.openDashboard")}
          </Button>
        </Section>

        <Section id="events" title={t("callbackDocs.toc.events")}>
          <P>{t("callbackDocs.eventsLead")}</P>
          <div className="space-y-4">
            {events.map((e) => (
              <article key={e.type} className="rounded-lg border border-line bg-surface-raised" data-event={e.type}>
                <div className="border-b border-line px-4 py-3">
                  <h3 className="font-mono text-sm font-semibold text-ink">{e.type}</h3>
                  <p className="mt-1 text-sm text-ink-muted">
                    {maybe(t, `callbackDocs.events.${e.type.replace(".", "_")}`, t("callbackDocs.events.other"))}
                  </p>
                </div>
                <ul className="divide-y divide-line">
                  {e.variants.map((v) => (
                    <li key={v.source} className="grid gap-2 px-4 py-3 text-sm md:grid-cols-[12rem_minmax(0,1fr)]">
                      <div className="flex flex-col gap-1">
                        <span className="font-medium text-ink">
                          {maybe(t, `callbackDocs.sources.${slug(v.source)}`, v.source)}
                        </span>
                        <span className="text-xs text-ink-subtle">
                          {t("callbackDocs.col.status")}:{" "}
                          {v.statuses ? v.statuses.map((s) => <C key={s}>{s}</C>) : t("callbackDocs.statusFree")}
                        </span>
                      </div>
                      <p className="flex flex-wrap gap-1 text-xs leading-6">
                        {v.fields.map((f) => (
                          <C key={f.name}>{`${f.name}${f.nullable ? "?" : ""}`}</C>
                        ))}
                      </p>
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
        </Section>

        <Section id="payload" title={t("callbackDocs.toc.payload")}>
          <P>{t("callbackDocs.payloadLead")}</P>
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[7rem_minmax(0,1fr)]">
            {ENVELOPE_FIELDS.map((f) => (
              <div key={f} className="contents">
                <dt>
                  <C>{f}</C>
                </dt>
                <dd className="mb-2 text-ink-muted sm:mb-0">{t(`callbackDocs.envelope.${f}`)}</dd>
              </div>
            ))}
          </dl>
          <h3 className="pt-2 text-base font-semibold text-ink">{t("callbackDocs.versionTitle")}</h3>
          <P>{t("callbackDocs.versionBody", { version: CALLBACK_CONTRACT_VERSION })}</P>
        </Section>

        <Section id="signatures" title={t("callbackDocs.toc.signatures")}>
          <P>{t("callbackDocs.signaturesLead")}</P>
          <div className="grid gap-4 md:grid-cols-2">
            <div className="rounded-lg border border-line p-4">
              <h3 className="font-semibold text-ink">{t("callbackDocs.standardTitle")}</h3>
              <p className="mt-1 text-sm text-ink-muted">{t("callbackDocs.standardBody")}</p>
            </div>
            <div className="rounded-lg border border-line p-4">
              <h3 className="font-semibold text-ink">{t("callbackDocs.paymentsTitle")}</h3>
              <p className="mt-1 text-sm text-ink-muted">{t("callbackDocs.paymentsBody")}</p>
            </div>
          </div>
          <P>{t("callbackDocs.rotationBody")}</P>
          <P>{t("callbackDocs.rawBody")}</P>
          <h3 className="pt-2 text-base font-semibold text-ink">{t("callbackDocs.nodeTitle")}</h3>
          <P>{t("callbackDocs.nodeBody")}</P>
          <CodeSample code={verifyExample()} label="verify-callback.ts" />
          <h3 className="pt-2 text-base font-semibold text-ink">{t("callbackDocs.routeTitle")}</h3>
          <CodeSample code={ROUTE_EXAMPLE} label="route.ts" />
        </Section>

        <Section id="retries" title={t("callbackDocs.toc.retries")}>
          <P>{t("callbackDocs.retriesLead", { timeout: REQUEST_TIMEOUT_MS / 1000 })}</P>
          <table className="w-full max-w-md text-sm" data-testid="retry-schedule">
            <thead>
              <tr className="border-b border-line text-left text-ink-subtle">
                <th className="py-2 pr-4 font-medium">{t("callbackDocs.attemptCol")}</th>
                <th className="py-2 font-medium">{t("callbackDocs.whenCol")}</th>
              </tr>
            </thead>
            <tbody>
              {[0, ...RETRY_DELAYS_SECONDS].map((delay, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the attempt number is the identity
                <tr key={i} className="border-b border-line">
                  <td className="py-2 pr-4 tabular-nums">{i + 1}</td>
                  <td className="py-2 text-ink-muted">
                    {i === 0 ? t("callbackDocs.first") : t("callbackDocs.after", { delay: delayText(delay, locale) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <P>{t("callbackDocs.jitter", { n: RETRY_DELAYS_SECONDS.length + 1 })}</P>
          <ul className="list-disc space-y-2 pl-5 text-[15px] leading-relaxed text-ink-muted">
            <li>{t("callbackDocs.retryAfter")}</li>
            <li>{t("callbackDocs.gone")}</li>
            <li>{t("callbackDocs.failing", { count: disableAfter })}</li>
            <li>{t("callbackDocs.answerFast", { chars: RESPONSE_EXCERPT_CHARS })}</li>
          </ul>
        </Section>

        <Section id="idempotency" title={t("callbackDocs.toc.idempotency")}>
          <P>{t("callbackDocs.idempotencyLead")}</P>
          <CodeSample code={DEDUP_SQL} label="SQL" />
          <P>{t("callbackDocs.idempotencyOrder")}</P>
          <P>
            {t("callbackDocs.redeliver")}{" "}
            <Link href="/dashboard/callbacks" className="font-medium text-brand-700 hover:underline">
              {t("callbackDocs.openDashboard")}
            </Link>
          </P>
        </Section>
      </div>
    </div>
  );
}
