// The BCB adapter's node:https transport really presents the client certificate (no injected fetch).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPixReference } from "@/lib/pix/reference";
import { createGateway } from "@/lib/pix/registry";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { SIMULATOR_CREDENTIALS, startPixSimulator, type RunningPixSimulator } from "@/sandbox/pix/index";

const hasOpenssl = (() => {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

type Pki = {
  ca: string;
  serverKey: string;
  serverCert: string;
  clientKey: string;
  clientCert: string;
  strangerKey: string;
  strangerCert: string;
};

function makePki(dir: string): Pki {
  const ossl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  ossl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.crt",
    "-days",
    "1",
    "-subj",
    "/CN=Test PSP CA",
  );
  writeFileSync(path.join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1\n");
  const leaf = (name: string, signer: "ca" | "self", ext = false) => {
    ossl(
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.csr`,
      "-subj",
      `/CN=${name}`,
    );
    if (signer === "ca")
      ossl(
        "x509",
        "-req",
        "-in",
        `${name}.csr`,
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        `${name}.crt`,
        "-days",
        "1",
        ...(ext ? ["-extfile", "san.ext"] : []),
      );
    else ossl("x509", "-req", "-in", `${name}.csr`, "-signkey", `${name}.key`, "-out", `${name}.crt`, "-days", "1");
  };
  leaf("server", "ca", true);
  leaf("seller", "ca");
  leaf("stranger", "self");
  const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
  return {
    ca: read("ca.crt"),
    serverKey: read("server.key"),
    serverCert: read("server.crt"),
    clientKey: read("seller.key"),
    clientCert: read("seller.crt"),
    strangerKey: read("stranger.key"),
    strangerCert: read("stranger.crt"),
  };
}

describe.skipIf(!hasOpenssl)("BCB over mTLS", () => {
  let dir: string;
  let pki: Pki;
  let sim: RunningPixSimulator;
  let psp: https.Server;
  let pspUrl: string;
  const peers: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "pix-mtls-"));
    pki = makePki(dir);
    sim = await startPixSimulator({ port: 0, log: () => {} });
    // A PSP front that demands a client certificate from our CA, then forwards to the simulator.
    psp = https.createServer(
      { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: true },
      async (req, res) => {
        peers.push((req.socket as TLSSocket).getPeerCertificate().subject.CN as string);
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const upstream = await fetch(sim.url + req.url, {
          method: req.method,
          headers: req.headers as Record<string, string>,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
        res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      },
    );
    await new Promise<void>((r) => psp.listen(0, "127.0.0.1", r));
    pspUrl = `https://127.0.0.1:${(psp.address() as AddressInfo).port}/bcb`;
  }, 60_000);

  afterAll(async () => {
    psp?.closeAllConnections();
    await new Promise<void>((r) => (psp ? psp.close(() => r()) : r()));
    await sim?.close();
    if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  });

  const creds = (cert: string, key: string) => ({
    ...SIMULATOR_CREDENTIALS.bcb,
    certificate: cert,
    private_key: key,
    ca_certificate: pki.ca,
  });

  it("presents the seller's certificate for the token and the charge", async () => {
    clearTokenCache();
    const gw = createGateway("bcb", creds(pki.clientCert, pki.clientKey), { baseUrl: pspUrl });
    const reference = newPixReference();
    const created = await gw.createCharge({ amountCentavos: 4200, description: "mTLS", reference });
    expect(created.transactionId).toBe(reference);
    expect(sim.charge("bcb", reference)?.amountCentavos).toBe(4200);
    expect(peers).toEqual(["seller", "seller"]); // oauth/token, then PUT /cob
  });

  it("fails as gateway_unavailable when the PSP refuses a certificate it did not issue", async () => {
    clearTokenCache();
    const gw = createGateway("bcb", creds(pki.strangerCert, pki.strangerKey), { baseUrl: pspUrl });
    await expect(gw.verifyCredentials()).rejects.toMatchObject({ code: "gateway_unavailable" });
  });
});
