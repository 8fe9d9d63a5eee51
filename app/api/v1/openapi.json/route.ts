import { jsonResponse } from "@/server/api/rest/v1/errors";
import { OPENAPI_DOCUMENT } from "@/server/api/rest/v1/openapi";

export const dynamic = "force-dynamic";

/** The API's description, public: the curator's integrators read it before they have a key. */
export function GET() {
  return jsonResponse(OPENAPI_DOCUMENT);
}
