// tsx sandbox/pix/cli.ts serve | pay <gateway> <id> | expire <gateway> <id> | refund <gateway> <id> [centavos] | list
import { DEFAULT_PORT, startPixSimulator } from "./index";

const port = Number(process.env.PIX_SIMULATOR_PORT ?? DEFAULT_PORT);
const base = process.env.PIX_SIMULATOR_URL ?? `http://127.0.0.1:${port}`;

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data: unknown = await res.json();
  if (!res.ok) throw new Error((data as { error?: string }).error ?? `HTTP ${res.status}`);
  return data;
}

async function main(argv: string[]) {
  const [command, gateway, id, amount] = argv;
  switch (command) {
    case "serve": {
      const sim = await startPixSimulator({ port, host: process.env.PIX_SIMULATOR_HOST ?? "127.0.0.1" });
      console.log(
        `[pix-simulator] open ${sim.url}/ for the charge list; gateways under ${sim.url}/<syncpay|pushinpay|paradise|wiinpay|atomopay|bcb>`,
      );
      const stop = () => void sim.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      return;
    }
    case "pay":
    case "expire":
    case "refund": {
      if (!gateway || !id)
        throw new Error(`usage: ${command} <gateway> <id>${command === "refund" ? " [centavos]" : ""}`);
      const result = (await call(
        "POST",
        `/_sim/charges/${gateway}/${encodeURIComponent(id)}/${command}`,
        amount ? { amountCentavos: Number(amount) } : {},
      )) as {
        charge: { id: string; state: string };
        delivery: { url: string; status: number | null; error?: string } | null;
      };
      console.log(`${gateway} ${result.charge.id} → ${result.charge.state}`);
      console.log(
        result.delivery
          ? `webhook → ${result.delivery.url}: ${result.delivery.status ?? result.delivery.error}`
          : "no webhook sent",
      );
      return;
    }
    case "list": {
      const charges = (await call("GET", "/_sim/charges")) as Array<{
        gateway: string;
        id: string;
        reference?: string;
        amountCentavos: number;
        state: string;
      }>;
      if (!charges.length) console.log("no charges");
      for (const c of charges)
        console.log(
          [
            c.gateway.padEnd(10),
            c.id.padEnd(36),
            (c.reference ?? "-").padEnd(34),
            String(c.amountCentavos).padStart(8),
            c.state,
          ].join("  "),
        );
      return;
    }
    default:
      console.log(
        "usage: tsx sandbox/pix/cli.ts serve | pay <gateway> <id> | expire <gateway> <id> | refund <gateway> <id> [centavos] | list",
      );
      process.exitCode = command ? 1 : 0;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
