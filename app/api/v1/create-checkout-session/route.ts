// POST /api/v1/create-checkout-session — older path name: the same handler as POST /api/v1/checkout/sessions (see docs/API.md)
export { POST } from "../checkout/sessions/route";
