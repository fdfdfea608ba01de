// POST /api/v1/create-account-link — older path name: the same handler as POST /api/v1/connect/account-links (see docs/API.md)
export { POST } from "../connect/account-links/route";
