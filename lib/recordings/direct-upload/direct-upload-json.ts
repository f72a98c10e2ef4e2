import type { z } from "zod";
import type { directUploadSchema } from "@/lib/api/schemas/direct-upload-schemas";
import type { PendingUpload } from "@/db/schema";

export function directUploadJson({ upload, url, fields }: { upload: PendingUpload; url: string; fields: Record<string, string> }): z.input<typeof directUploadSchema> {
  return { upload_id: upload.id, url, fields, expires_at: upload.expiresAt.toISOString() };
}
