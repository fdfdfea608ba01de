import { isValidCnpj, isValidCpf } from "@brazilian-utils/brazilian-utils";
import { PixGatewayError } from "./errors";
import type { PixCustomer, PixCustomerRequirements } from "./types";

/** Buyer data as the gateways want it: trimmed, CPF/CNPJ and phone as bare digits (no +55). */

export const NO_CUSTOMER_DATA: PixCustomerRequirements = { name: false, email: false, phone: false, document: false };

export type CustomerField = "name" | "email" | "document" | "phone";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const onlyDigits = (v: string) => v.replace(/\D/g, "");

/** A Brazilian phone as 10–11 digits (area code + number): drops the +55 / 0 prefixes people type. */
export function normalisePhone(raw: string): string {
  let d = onlyDigits(raw);
  if ((d.length === 12 || d.length === 13) && d.startsWith("55")) d = d.slice(2);
  if ((d.length === 11 || d.length === 12) && d.startsWith("0")) d = d.slice(1);
  return d;
}

export const isCpf = (digits: string) => /^\d{11}$/.test(digits) && isValidCpf(digits);
export const isCnpj = (digits: string) => /^\d{14}$/.test(digits) && isValidCnpj(digits);
/** Area code (11–99) + 8-digit landline or 9-digit mobile starting with 9. */
export const isBrPhone = (digits: string) => /^[1-9][1-9](?:[2-8]\d{7}|9\d{8})$/.test(digits);

export function normaliseCustomer(c: PixCustomer | undefined): PixCustomer | undefined {
  if (!c) return undefined;
  const out: PixCustomer = {};
  if (c.name?.trim()) out.name = c.name.trim().replace(/\s+/g, " ");
  if (c.email?.trim()) out.email = c.email.trim();
  if (c.document?.trim()) out.document = onlyDigits(c.document);
  if (c.phone?.trim()) out.phone = normalisePhone(c.phone);
  return out;
}

export type CustomerProblem = { field: CustomerField; reason: "missing" | "invalid" };

/** What the buyer data lacks for these requirements (empty when it meets them). Expects normalised data. */
export function customerProblems(req: PixCustomerRequirements, c: PixCustomer | undefined): CustomerProblem[] {
  const out: CustomerProblem[] = [];
  const check = (field: CustomerField, wanted: boolean, value: string | undefined, valid: (v: string) => boolean) => {
    if (!wanted) return;
    if (!value) out.push({ field, reason: "missing" });
    else if (!valid(value)) out.push({ field, reason: "invalid" });
  };
  check("name", req.name, c?.name, (v) => v.length >= 3 && v.length <= 120);
  check("email", req.email, c?.email, (v) => EMAIL.test(v));
  check("document", !!req.document, c?.document, (v) => isCpf(v) || (req.document === "cpf_or_cnpj" && isCnpj(v)));
  check("phone", req.phone, c?.phone, isBrPhone);
  return out;
}

/** The fields a requirement asks for, in form order. */
export function requiredFields(req: PixCustomerRequirements): CustomerField[] {
  return (["name", "email", "document", "phone"] as const).filter((f) => (f === "document" ? !!req.document : req[f]));
}

export function describeProblems(problems: CustomerProblem[], req: PixCustomerRequirements): string {
  return problems
    .map((p) => {
      const what =
        p.field === "document"
          ? req.document === "cpf"
            ? "document (CPF)"
            : "document (CPF or CNPJ)"
          : p.field === "phone"
            ? "phone (DDD + number)"
            : p.field;
      return `customer.${what} ${p.reason === "missing" ? "is required" : "is not valid"}`;
    })
    .join("; ");
}

/** Throws invalid_customer when the data cannot meet the gateway's requirements. */
export function assertCustomer(
  gateway: string,
  displayName: string,
  req: PixCustomerRequirements,
  c: PixCustomer | undefined,
): void {
  const problems = customerProblems(req, c);
  if (problems.length)
    throw new PixGatewayError(
      "invalid_customer",
      `${displayName} needs the buyer's data: ${describeProblems(problems, req)}`,
      { gateway },
    );
}
