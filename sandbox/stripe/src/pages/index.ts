/** Hosted pages served by the emulator (their URLs are the `url` fields of Stripe objects). */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorApp } from "../app";

export async function handlePage(_app: EmulatorApp, _req: IncomingMessage, _res: ServerResponse, _url: URL, _body: string): Promise<boolean> {
  return false;
}
