import { describe, expect, it } from "vitest";
import { mapPixStatus } from "@/lib/pix/status";
import { capturingLogger } from "./support";

const TABLE: Array<[string, string]> = [
  ["paid", "paid"],
  ["PAID", "paid"],
  ["approved", "paid"],
  ["Confirmed", "paid"],
  ["completed", "paid"],
  ["PAID_OUT", "paid"],
  ["CONCLUIDA", "paid"],
  ["pending", "pending"],
  ["waiting", "pending"],
  ["created", "pending"],
  ["ATIVA", "pending"],
  ["failed", "failed"],
  ["cancelled", "failed"],
  ["CANCELED", "failed"],
  ["expired", "failed"],
  ["refused", "failed"],
  ["REMOVIDA_PELO_USUARIO_RECEBEDOR", "failed"],
  ["REMOVIDA_PELO_PSP", "failed"],
  ["removida_por_outro_motivo", "failed"],
  ["refunded", "refunded"],
  ["DEVOLVIDO", "refunded"],
  ["med", "disputed"],
  ["MED", "disputed"],
  ["  paid  ", "paid"],
];

describe("mapPixStatus", () => {
  it.each(TABLE)("%s → %s", (raw, expected) => {
    const { logger, lines } = capturingLogger();
    expect(mapPixStatus(raw, { log: logger })).toBe(expected);
    expect(lines).toHaveLength(0);
  });

  it.each(["on_hold", "", undefined, 42])("maps unknown %j to pending with a warning", (raw) => {
    const { logger, lines } = capturingLogger();
    expect(mapPixStatus(raw, { gateway: "syncpay", log: logger })).toBe("pending");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 40,
      gateway: "syncpay",
      msg: expect.stringContaining("unknown gateway status"),
    });
  });
});
