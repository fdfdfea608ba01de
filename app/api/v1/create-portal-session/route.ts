// POST /api/v1/create-portal-session — older path name: the same handler as POST /api/v1/portal-sessions (see docs/API.md)
export { POST } from "../portal-sessions/route";
