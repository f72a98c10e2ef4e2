import { openApiDocument } from "@/lib/api/openapi-document";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(async () => Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }), { public: true });
