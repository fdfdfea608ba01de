import client from "prom-client";
import { createBillingMetrics, type BillingMetrics } from "./billing";

type Metrics = {
  registry: client.Registry;
  httpRequests: client.Counter<"method" | "route" | "status">;
  httpDuration: client.Histogram<"method" | "route" | "status">;
  billing: BillingMetrics;
};

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "vitrine_" });
  const httpRequests = new client.Counter({
    name: "vitrine_http_requests_total",
    help: "HTTP requests by route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new client.Histogram({
    name: "vitrine_http_request_duration_seconds",
    help: "HTTP request duration by route",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, httpRequests, httpDuration, billing: createBillingMetrics(registry) };
}

// One registry per process, also across Next's module reloads.
const g = globalThis as unknown as { __vitrineMetrics?: Metrics };
export const metrics: Metrics = (g.__vitrineMetrics ??= create());
