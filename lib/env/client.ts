import { ClientEnv } from "./schema";

export const clientEnv: ClientEnv = ClientEnv.parse({ NEXT_PUBLIC_APP_NAME: process.env.NEXT_PUBLIC_APP_NAME });
