/**
 * Vitrine's offline Stripe emulator. Start it in-process for tests and scripts:
 *
 *   const emulator = await startEmulator({ port: 0 });
 *   const stripe = new Stripe("sk_test_emulator", { host: "127.0.0.1", port: emulator.port, protocol: "http", maxNetworkRetries: 0 });
 *
 * or run `tsx sandbox/stripe/cli.ts serve`. See sandbox/stripe/README.md.
 */
import type { AddressInfo } from "node:net";
import { EmulatorApp, type WebhookConfig } from "./src/app";
import { processTime } from "./src/domain/renewals";
import { createEmulatorServer } from "./src/server";

export type EmulatorOptions = {
  /** 0 picks a random free port. Default 12111 (or STRIPE_EMULATOR_PORT when using the CLI). */
  port?: number;
  host?: string;
  /** JSON file the state is written to after changes and loaded from at start. */
  snapshotFile?: string;
  /** Base URL put in hosted page `url` fields. Default `http://127.0.0.1:<port>`. */
  publicUrl?: string;
  /** Endpoints that receive every event: `connect: true` gets connected-account events only. */
  webhooks?: WebhookConfig[];
  log?: (line: string) => void;
  /** Delays between delivery attempts, in ms. Default 1s, 5s, 30s, 2m, 10m, 1h. */
  webhookRetryScheduleMs?: number[];
  webhookTimeoutMs?: number;
};

export type RunningEmulator = {
  url: string;
  port: number;
  close(): Promise<void>;
  reset(): void;
};

export const DEFAULT_PORT = 12111;

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.log ?? ((line: string) => console.log(line));
  // The public URL depends on the port, which is only known after listen() when port is 0.
  const config = {
    publicUrl: opts.publicUrl ?? "",
    log,
    snapshotFile: opts.snapshotFile,
    webhooks: opts.webhooks ?? [],
    retryScheduleMs: opts.webhookRetryScheduleMs ?? [],
    deliveryTimeoutMs: opts.webhookTimeoutMs ?? 10_000,
  };
  const app = new EmulatorApp(config);
  const server = createEmulatorServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? DEFAULT_PORT, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  if (!opts.publicUrl) config.publicUrl = url;
  // Real time passes too: sessions expire, trials end and renewals happen in long-running demos.
  const ticker = setInterval(() => {
    processTime(app);
    app.webhooks.kick();
    app.persistSoon();
  }, 30_000);
  ticker.unref();
  log(`[stripe-emulator] listening on ${url}${opts.snapshotFile ? ` (snapshot: ${opts.snapshotFile})` : ""}`);
  return {
    url,
    port,
    reset: () => app.reset(),
    async close() {
      clearInterval(ticker);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}

export type { WebhookConfig };
export { signPayload } from "./src/webhooks";
