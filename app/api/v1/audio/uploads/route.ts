import { directUploadRequestSchema } from "@/lib/api/schemas/direct-upload-schemas";
import { withApi } from "@/lib/http/with-api";
import { readJson } from "@/lib/http/read-json";
import { createDirectUpload } from "@/lib/recordings/direct-upload/create-direct-upload";
import { directUploadJson } from "@/lib/recordings/direct-upload/direct-upload-json";

export const POST = withApi(async (request, { caller }) => {
  const body = await readJson(request, directUploadRequestSchema);
  const created = await createDirectUpload(caller, { filename: body.filename, size: body.size, contentType: body.content_type });
  return Response.json(directUploadJson(created));
});
