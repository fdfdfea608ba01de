import bcrypt from "bcryptjs";
import { z } from "zod";
import { env } from "@/lib/env/server";

/** bcrypt cost; 12 by default, lowerable (never below 10, the schema refuses less) for tests via BCRYPT_COST. */
function cost(): number {
  return env().BCRYPT_COST;
}

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, cost());
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

const COMMON = new Set([
  "password",
  "password1",
  "password123",
  "12345678",
  "123456789",
  "1234567890",
  "qwerty123",
  "senha123",
  "senha1234",
  "vitrine123",
  "iloveyou1",
  "admin1234",
]);

/** At least 10 characters with a letter and a digit, not a well-known password, at most 72 bytes (bcrypt's limit). */
export const PasswordSchema = z
  .string()
  .min(10, "Password must be at least 10 characters.")
  .refine((p) => Buffer.byteLength(p) <= 72, "Password must be at most 72 bytes.")
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), "Password must contain a letter and a digit.")
  .refine((p) => !COMMON.has(p.toLowerCase()), "This password is too common.");
