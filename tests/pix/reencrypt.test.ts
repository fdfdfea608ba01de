// Key rotation for gateway credentials: configs sealed under k1 keep working once k2 is primary,
// the re-encrypt command moves every one to k2 (then k1 can go), and a ciphertext moved to another
// row never opens. On PostgreSQL the real `npm run credentials:reencrypt` script is run too.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/db";
import { createGatewayConfig, verifyGatewayConfig } from "@/lib/pix/service/configs";
import { createPixCharge } from "@/lib/pix/service/charges";
import { reencryptPixCredentials } from "@/lib/pix/service/reencrypt";
import { addGateway, FIXTURES, pixSeller, usePixSimulator, type PixSeller } from "./support";

const K1 = randomBytes(32).toString("base64");
const K2 = randomBytes(32).toString("base64");
const saved = { keys: process.env.ENCRYPTION_KEYS, key: process.env.ENCRYPTION_KEY };

describe("PIX credentials key rotation", () => {
  const { db } = useTestDatabase();
  usePixSimulator();
  let seller: PixSeller;
  beforeAll(async () => {
    delete process.env.ENCRYPTION_KEY;
    process.env.ENCRYPTION_KEYS = `k1:${K1}`;
    seller = await pixSeller("rot");
  });
  afterAll(() => {
    process.env.ENCRYPTION_KEYS = saved.keys;
    process.env.ENCRYPTION_KEY = saved.key;
    if (saved.keys === undefined) delete process.env.ENCRYPTION_KEYS;
    if (saved.key === undefined) delete process.env.ENCRYPTION_KEY;
  });

  it("re-encrypts every config under the new primary key; the old key can then be removed", async () => {
    const push = await addGateway(seller, "pushinpay");
    const sync = await addGateway(seller, "syncpay");
    const kids = async () =>
      (
        await db().prisma.pixGatewayConfig.findMany({
          where: { storeId: seller.store.id },
          orderBy: { createdAt: "asc" },
        })
      ).map((r) => [r.credentialsKeyId, r.credentials.split(".")[1]]);
    expect(await kids()).toEqual([
      ["k1", "k1"],
      ["k1", "k1"],
    ]);

    process.env.ENCRYPTION_KEYS = `k2:${K2},k1:${K1}`;
    // Still readable under the old key while it is listed.
    expect((await verifyGatewayConfig(seller.store.id, seller.audit, push.id)).ok).toBe(true);
    const dry = await reencryptPixCredentials({ dryRun: true });
    expect(dry.reencrypted).toBeGreaterThanOrEqual(2);
    expect(await kids()).toEqual([
      ["k1", "k1"],
      ["k1", "k1"],
    ]);
    const report = await reencryptPixCredentials();
    expect(report.failed).toEqual([]);
    expect(await kids()).toEqual([
      ["k2", "k2"],
      ["k2", "k2"],
    ]);
    expect((await reencryptPixCredentials()).reencrypted).toBe(0);

    process.env.ENCRYPTION_KEYS = `k2:${K2}`;
    expect((await verifyGatewayConfig(seller.store.id, seller.audit, sync.id)).ok).toBe(true);
    const charge = await createPixCharge(seller.store.id, seller.audit, {
      amountCentavos: 1990,
      description: "Depois da rotação",
    });
    expect(charge.status).toBe("pending");
    // A new config is sealed under the current key straight away.
    const fresh = await createGatewayConfig(seller.store.id, seller.audit, {
      gateway: "direct_key",
      credentials: FIXTURES.direct_key.credentials,
    });
    expect((await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id: fresh.id } })).credentialsKeyId).toBe(
      "k2",
    );
  });

  it("reports (and leaves alone) a ciphertext copied into another row", async () => {
    const [a, b] = await db().prisma.pixGatewayConfig.findMany({
      where: { storeId: seller.store.id },
      orderBy: { createdAt: "asc" },
      take: 2,
    });
    process.env.ENCRYPTION_KEYS = `k3:${randomBytes(32).toString("base64")},k2:${K2}`;
    await db().prisma.pixGatewayConfig.update({ where: { id: b!.id }, data: { credentials: a!.credentials } });
    const report = await reencryptPixCredentials({ dryRun: true });
    expect(report.failed.map((f) => f.id)).toEqual([b!.id]);
    expect(report.failed[0]!.error).toMatch(/failed authentication/);
    expect((await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id: b!.id } })).credentials).toBe(
      a!.credentials,
    );
    process.env.ENCRYPTION_KEYS = `k2:${K2}`;
  });

  it.runIf(testDatabaseKind() === "postgres")("the npm script does the same against the database", async () => {
    await db().prisma.pixGatewayConfig.deleteMany({ where: { storeId: seller.store.id, gateway: "syncpay" } });
    const K4 = randomBytes(32).toString("base64");
    const env = { ...process.env, DATABASE_URL: db().url!, ENCRYPTION_KEYS: `k4:${K4},k2:${K2}`, LOG_LEVEL: "silent" };
    const run = promisify(execFile);
    const { stdout } = await run("npx", ["tsx", "--conditions=react-server", "scripts/reencrypt-credentials.mts"], {
      env,
      timeout: 60_000,
    }).catch((e: { stdout: string; stderr: string }) => ({ stdout: `${e.stdout}\n${e.stderr}` }));
    expect(stdout, stdout).toMatch(/under key "k4": \d+ config\(s\), \d+ re-encrypted/);
    const rows = await db().prisma.pixGatewayConfig.findMany({ where: { storeId: seller.store.id } });
    expect(rows.filter((r) => r.credentialsKeyId === "k4").length, stdout).toBeGreaterThan(0);
  });
});
