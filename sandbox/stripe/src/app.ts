/** The emulator's state and services, independent of HTTP. */
import { Clock } from "./clock";
import { IdempotencyCache } from "./idempotency";
import { newId } from "./ids";
import { Store } from "./store";
import { DEFAULT_RETRY_SCHEDULE_MS, Webhooks } from "./webhooks";

export type WebhookConfig = { url: string; secret: string; connect: boolean };

export type AppConfig = {
  publicUrl: string;
  log: (line: string) => void;
  snapshotFile?: string;
  webhooks: WebhookConfig[];
  retryScheduleMs: number[];
  deliveryTimeoutMs: number;
};

export class EmulatorApp {
  readonly store = new Store();
  readonly clock = new Clock();
  readonly idempotency = new IdempotencyCache();
  readonly webhooks: Webhooks;
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(readonly config: AppConfig) {
    this.webhooks = new Webhooks(this.store, {
      retryScheduleMs: config.retryScheduleMs.length ? config.retryScheduleMs : DEFAULT_RETRY_SCHEDULE_MS,
      timeoutMs: config.deliveryTimeoutMs,
      log: config.log,
    });
    const offset = config.snapshotFile ? this.store.loadFrom(config.snapshotFile) : null;
    if (offset !== null) {
      this.clock.offsetSeconds = offset;
      config.log(`[stripe-emulator] state loaded from ${config.snapshotFile}`);
    }
    this.syncConfiguredEndpoints();
  }

  url(path: string): string {
    return `${this.config.publicUrl.replace(/\/$/, "")}${path}`;
  }

  /** Endpoints from options/env are (re)registered on every start, replacing earlier ones. */
  private syncConfiguredEndpoints(): void {
    for (const ep of this.store.list("webhook_endpoint", null, (r) => r.x.configured))
      this.store.remove("webhook_endpoint", ep.id);
    for (const cfg of this.config.webhooks) {
      this.store.insert(
        "webhook_endpoint",
        null,
        {
          id: newId("we"),
          object: "webhook_endpoint",
          api_version: null,
          application: null,
          created: this.clock.now(),
          description: cfg.connect ? "Connect endpoint (emulator config)" : "Platform endpoint (emulator config)",
          enabled_events: ["*"],
          livemode: false,
          metadata: {},
          status: "enabled",
          url: cfg.url,
        },
        { connect: cfg.connect, secret: cfg.secret, configured: true },
      );
    }
  }

  reset(): void {
    this.store.clear();
    this.webhooks.clear();
    this.idempotency.clear();
    this.clock.offsetSeconds = 0;
    this.syncConfiguredEndpoints();
    this.persistSoon();
  }

  /** Debounced snapshot write after state changes. */
  persistSoon(): void {
    if (!this.config.snapshotFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.persistNow(), 50);
    this.saveTimer.unref();
  }

  persistNow(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.config.snapshotFile) this.store.saveTo(this.config.snapshotFile, this.clock.offsetSeconds);
  }

  async close(): Promise<void> {
    await this.webhooks.close();
    if (this.saveTimer) this.persistNow();
  }
}
