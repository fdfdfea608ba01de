// POST /api/webhooks/pix/:gateway/:token/pix — the BCB API Pix appends /pix to the registered webhook URL
export { POST } from "../route";
