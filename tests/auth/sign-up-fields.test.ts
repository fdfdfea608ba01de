// Sign-up shows every field's problem next to its field in the page's language, and the first
// store takes the country and currency the seller chose (BR and BRL unless chosen).
import { beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { uniqueEmail, useTestDatabase } from "../support/db";
import { POST as signUpRoute } from "@/app/api/auth/sign-up/route";
import { prisma } from "@/lib/db/client";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { createTranslator } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/translate";

const post = (body: Record<string, unknown>) =>
  signUpRoute(
    new NextRequest(new URL("/api/auth/sign-up", "http://localhost:3000"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

describe("sign-up fields", () => {
  useTestDatabase();
  beforeEach(() => resetRateLimiters());

  it("answers every field's problem at once, as keys both languages translate", async () => {
    const res = await post({ name: " ", email: "not-an-email", password: "short", storeName: "x", currency: "JPY" });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(error.details.fields).toEqual({
      name: "nameRequired",
      email: "emailInvalid",
      password: "passwordTooShort",
      storeName: "storeNameTooShort",
      currency: "currencyInvalid",
    });
    const pt = createTranslator("pt-BR");
    const en = createTranslator("en");
    for (const key of Object.values(error.details.fields as Record<string, string>)) {
      const k = `auth.fieldErrors.${key}` as MessageKey;
      expect(pt(k)).not.toBe(k);
      expect(pt(k)).not.toBe(en(k));
    }
    expect(pt("auth.fieldErrors.passwordTooShort")).toBe("A senha precisa ter pelo menos 10 caracteres.");

    const weak = await post({ name: "Ana", email: uniqueEmail("weak"), password: "onlyletters", storeName: "Loja" });
    expect((await weak.json()).error.details.fields).toEqual({ password: "passwordLetterAndDigit" });
    const common = await post({ name: "Ana", email: uniqueEmail("weak"), password: "password123", storeName: "Loja" });
    expect((await common.json()).error.details.fields).toEqual({ password: "passwordTooCommon" });
  });

  it("creates the first store in the chosen country and currency, BR and BRL by default", async () => {
    const base = { name: "Seller", password: "correct-horse-9", storeName: "Loja" };
    const storeOf = async (email: string) =>
      prisma.store.findFirstOrThrow({ where: { owner: { email } }, select: { country: true, currency: true } });

    const br = uniqueEmail("br");
    expect((await post({ ...base, email: br })).status).toBe(202);
    expect(await storeOf(br)).toEqual({ country: "BR", currency: "BRL" });

    const us = uniqueEmail("us");
    expect((await post({ ...base, email: us, country: "US" })).status).toBe(202);
    expect(await storeOf(us)).toEqual({ country: "US", currency: "USD" });

    const pt = uniqueEmail("pt");
    expect((await post({ ...base, email: pt, country: "PT" })).status).toBe(202);
    expect(await storeOf(pt)).toEqual({ country: "PT", currency: "EUR" });

    const brUsd = uniqueEmail("brusd");
    expect((await post({ ...base, email: brUsd, country: "BR", currency: "USD" })).status).toBe(202);
    expect(await storeOf(brUsd)).toEqual({ country: "BR", currency: "USD" });
  });
});
