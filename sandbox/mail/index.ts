/**
 * Vitrine's local mail catcher: an SMTP server on loopback that keeps every message it receives
 * (nothing is delivered) and a page that shows them. The demo and the tests point SMTP_URL at it.
 *
 *   const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
 *   process.env.SMTP_URL = catcher.smtpUrl;
 *   const mail = await catcher.waitFor((m) => m.to.some((t) => t.includes("ana@")));
 *
 * or `npx tsx sandbox/mail/cli.ts serve`. See sandbox/mail/README.md.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createHttpServer } from "./src/http";
import { createSmtpServer, type SmtpFailure } from "./src/smtp";
import { MailStore, type CaughtMail } from "./src/store";

export type { CaughtAttachment, CaughtMail, MailJson, MailSummary } from "./src/store";
export type { SmtpFailure } from "./src/smtp";

export const DEFAULT_SMTP_PORT = 12130;

export type MailCatcherOptions = {
  /** 0 picks a free port. Default 12130. */
  smtpPort?: number;
  /** The page and JSON API; 0 picks a free port; null serves no page. Default smtpPort + 1. */
  httpPort?: number | null;
  /** Loopback only: anything else is refused. Default 127.0.0.1. */
  host?: string;
  /** How many messages are kept (the oldest go first). Default 500. */
  cap?: number;
  /** Append every message to this JSON-lines file and read it back on start. */
  file?: string | null;
  log?: (line: string) => void;
};

export type RunningMailCatcher = {
  smtpPort: number;
  /** `smtp://127.0.0.1:<port>`: what SMTP_URL should be. */
  smtpUrl: string;
  httpPort: number | null;
  /** The page, e.g. `http://127.0.0.1:12131` (null without one). */
  url: string | null;
  /** Newest first. */
  messages(): CaughtMail[];
  message(id: string): CaughtMail | undefined;
  clear(): void;
  /** Resolves with the first message (already caught or still to come) that matches; rejects after timeoutMs. */
  waitFor(match?: (mail: CaughtMail) => boolean, opts?: { timeoutMs?: number }): Promise<CaughtMail>;
  /** Until set back to null, every recipient is refused with this reply (4xx: try later, 5xx: permanent). */
  failWith(failure: SmtpFailure | null): void;
  close(): Promise<void>;
};

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

type Listenable = {
  listen(port: number, host: string, cb: () => void): unknown;
  once(event: "error", cb: (err: Error) => void): unknown;
  off(event: "error", cb: (err: Error) => void): unknown;
};

function listen(server: Listenable, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

export async function startMailCatcher(opts: MailCatcherOptions = {}): Promise<RunningMailCatcher> {
  const host = opts.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host)) throw new Error(`The mail catcher listens on loopback only, not ${host}.`);
  const log = opts.log ?? ((line: string) => console.log(line));
  const store = new MailStore(opts.cap ?? 500, opts.file ?? null);
  let failure: SmtpFailure | null = null;

  const smtp = createSmtpServer({ store, failure: () => failure, log });
  let listening = false;
  // smtp-server re-emits socket and server errors on itself; unheard, one reset client would end the process.
  smtp.on("error", (err: Error) => {
    if (listening) log(`[mail-catcher] ${err.message}`);
  });
  await listen(smtp, opts.smtpPort ?? DEFAULT_SMTP_PORT, host);
  listening = true;
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const smtpAddress = `${host}:${smtpPort}`;

  let http: Server | null = null;
  let httpPort: number | null = null;
  const wantedHttp = opts.httpPort === undefined ? smtpPort + 1 : opts.httpPort;
  if (wantedHttp !== null) {
    http = createHttpServer({ store, smtpAddress: () => smtpAddress });
    try {
      await listen(http, wantedHttp, host);
    } catch (err) {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      throw err;
    }
    httpPort = (http.address() as AddressInfo).port;
  }
  const url = httpPort === null ? null : `http://${host}:${httpPort}`;
  log(`[mail-catcher] SMTP on ${smtpAddress}${url ? `, page on ${url}/` : ""}`);

  return {
    smtpPort,
    smtpUrl: `smtp://${smtpAddress}`,
    httpPort,
    url,
    messages: () => store.list(),
    message: (id) => store.get(id),
    clear: () => void store.clear(),
    failWith: (f) => void (failure = f),
    waitFor(match = () => true, { timeoutMs = 10_000 } = {}) {
      const found = store.list().find(match);
      if (found) return Promise.resolve(found);
      return new Promise<CaughtMail>((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`no matching mail within ${timeoutMs} ms (caught ${store.list().length})`));
        }, timeoutMs);
        const off = store.onMail((mail) => {
          if (!match(mail)) return;
          clearTimeout(timer);
          off();
          resolve(mail);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (http) {
        http.closeAllConnections();
        await new Promise<void>((resolve) => http!.close(() => resolve()));
      }
    },
  };
}
