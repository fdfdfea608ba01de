// POST /api/v1/create-connect-account — older path name: the same handler as POST /api/v1/connect/account (see docs/API.md)
export { POST } from "../connect/account/route";
