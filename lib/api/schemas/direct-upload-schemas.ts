import { z } from "zod";
import { uploadFieldsSchema } from "@/lib/recordings/upload/upload-fields";
import { plainText } from "@/lib/validation/plain-text";

export const directUploadRequestSchema = z
  .object({
    filename: plainText(1024).min(1).meta({ description: "The file's name, shown as the title when none is given" }),
    size: z.number().int().positive().meta({ description: "The file's size in bytes; the bucket accepts no larger file, and completion checks it exactly" }),
    content_type: z.string().max(200).meta({ description: "The file's type as the client sees it (e.g. audio/mpeg); the content is checked at completion whatever it says" }),
  })
  .meta({ id: "DirectUploadRequest" });

export const directUploadSchema = z
  .object({
    upload_id: z.uuid(),
    url: z.url().meta({ description: "POST the file here as multipart/form-data: every field of `fields` first, then the file as `file`" }),
    fields: z.record(z.string(), z.string()).meta({ description: "The presigned policy's form fields, sent unchanged" }),
    expires_at: z.iso.datetime().meta({ description: "The form is refused by the bucket after this (at most 10 minutes)" }),
  })
  .meta({ id: "DirectUpload" });

export const completeDirectUploadBodySchema = uploadFieldsSchema.meta({ id: "CompleteDirectUploadRequest" });

export const uploadIdParamsSchema = z.object({ uploadId: z.string().meta({ description: "The upload_id that creating the upload returned" }) });
