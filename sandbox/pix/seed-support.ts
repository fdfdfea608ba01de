import { startPixSimulator } from "./index";

/**
 * Runs the demo seed's PIX step with a simulator reachable at PIX_SIMULATOR_URL, so the demo
 * gateway is verified by a real call (a config takes charges only after verification). The seed runs
 * before `npm start` launches the long-lived simulator, so a short-lived one on a free port stands
 * in; both accept the same SIMULATOR_CREDENTIALS, and the config itself keeps no base URL.
 */
export async function withSeedPixSimulator<T>(fn: () => Promise<T>): Promise<T> {
  const sim = await startPixSimulator({ port: 0, log: () => {} });
  const saved = process.env.PIX_SIMULATOR_URL;
  process.env.PIX_SIMULATOR_URL = sim.url;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.PIX_SIMULATOR_URL;
    else process.env.PIX_SIMULATOR_URL = saved;
    await sim.close();
  }
}
