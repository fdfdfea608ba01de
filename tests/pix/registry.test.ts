import { describe, expect, it } from "vitest";
import { maskCredentials, mergeCredentialUpdate } from "@/lib/pix/credentials";
import { PIX_ERROR_CODES } from "@/lib/pix/errors";
import { createGateway, getPixGatewayDefinition, listPixGateways } from "@/lib/pix/registry";

describe("registry", () => {
  it("lists every gateway with the facts from the reference", () => {
    const byId = Object.fromEntries(listPixGateways().map((g) => [g.id, g]));
    expect(Object.keys(byId)).toEqual(["syncpay", "pushinpay", "paradise", "wiinpay", "atomopay", "bcb", "direct_key"]);
    expect(byId.syncpay).toMatchObject({ amountUnit: "reais", capabilities: { split: true } });
    expect(byId.pushinpay).toMatchObject({ amountUnit: "centavos", minimumCentavos: 50 });
    expect(byId.wiinpay).toMatchObject({ amountUnit: "reais", minimumCentavos: 300 });
    expect(byId.atomopay).toMatchObject({ amountUnit: "centavos", minimumCentavos: 50 });
    expect(byId.bcb.capabilities).toMatchObject({ refund: true, webhookRegistration: true });
    expect(byId.direct_key.capabilities).toEqual({
      refund: false,
      statusQuery: false,
      signedWebhooks: false,
      split: false,
      webhookRegistration: false,
    });
    expect(byId.atomopay.credentialFields.find((f) => f.name === "api_token")).toMatchObject({
      secret: true,
      required: true,
    });
    expect(byId.bcb.credentialFields.find((f) => f.name === "private_key")).toMatchObject({
      secret: true,
      multiline: true,
    });
    expect(byId.bcb.credentialFields.find((f) => f.name === "token_url")).toMatchObject({ required: false });
  });

  it("refuses unknown gateways and names only the missing fields, never values", () => {
    expect(() => createGateway("nope", {})).toThrow(expect.objectContaining({ code: "not_supported" }));
    try {
      createGateway("syncpay", { client_id: "id-visible", client_secret: "" });
      throw new Error("should have thrown");
    } catch (e) {
      expect(e).toMatchObject({ code: "invalid_credentials" });
      expect((e as Error).message).toContain("client_secret");
    }
    expect(PIX_ERROR_CODES).toContain("invalid_webhook");
  });

  it("uses the configured base URL over the default", () => {
    expect(createGateway("pushinpay", { token: "t0k3n-long-enough" }).baseUrl).toBe("https://api.pushinpay.com.br/api");
    expect(
      createGateway(
        "pushinpay",
        { token: "t0k3n-long-enough" },
        { baseUrl: "https://api-sandbox.pushinpay.com.br/api/" },
      ).baseUrl,
    ).toBe("https://api-sandbox.pushinpay.com.br/api");
  });
});

describe("credential masking", () => {
  const spec = getPixGatewayDefinition("bcb").credentials;
  const stored = {
    client_id: "client-123",
    client_secret: "very-secret-value-9876",
    certificate: "-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----",
    private_key: "-----BEGIN PRIVATE KEY-----\nBBB\n-----END PRIVATE KEY-----",
    pix_key: "pix@loja.com",
  };

  it("shows non-secrets and masks secrets as ••••1234 (PEM keys fully)", () => {
    const masked = maskCredentials(spec, stored);
    expect(masked).toEqual({
      client_id: "client-123",
      client_secret: "••••9876",
      certificate: stored.certificate,
      private_key: "••••",
      ca_certificate: null,
      pix_key: "pix@loja.com",
      token_url: null,
    });
    expect(JSON.stringify(masked)).not.toContain("very-secret");
    expect(maskCredentials(getPixGatewayDefinition("pushinpay").credentials, { token: "short" })).toEqual({
      token: "••••",
    });
  });

  it("keeps stored secrets when the form sends them back masked or empty", () => {
    const masked = maskCredentials(spec, stored);
    const merged = mergeCredentialUpdate(spec, stored, { ...masked, private_key: "", client_id: "client-456" });
    expect(merged).toMatchObject({
      client_id: "client-456",
      client_secret: stored.client_secret,
      private_key: stored.private_key,
    });
    expect(mergeCredentialUpdate(spec, stored, { ...masked, client_secret: "new-secret" }).client_secret).toBe(
      "new-secret",
    );
  });
});
