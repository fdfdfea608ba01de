// POST /api/v1/create-product — older path name: the same handler as POST /api/v1/products (see docs/API.md)
export { POST } from "../products/route";
