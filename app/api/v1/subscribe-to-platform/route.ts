// POST /api/v1/subscribe-to-platform — older path name: the same handler as POST /api/v1/platform/subscription (see docs/API.md)
export { POST } from "../platform/subscription/route";
