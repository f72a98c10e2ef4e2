import { AppError } from "@/lib/errors/app-error";
import { uploadError } from "../upload/upload-error";

/** The refusals of direct uploads, localized under `errors.upload` like every upload refusal. */
export const directUploadErrors = {
  unavailable: () => uploadError("conflict", "direct_uploads_unavailable"),
  // Someone else's upload is reported exactly like one that never existed.
  notFound: () => new AppError("not_found", { code: "upload_not_found", messageKey: "upload.upload_not_found" }),
  alreadyCompleted: () => uploadError("conflict", "upload_already_completed"),
  inProgress: (minutes: number) => uploadError("conflict", "upload_in_progress", { minutes }),
  expired: () => uploadError("conflict", "upload_expired"),
  notReceived: () => uploadError("conflict", "upload_not_received"),
  sizeMismatch: () => uploadError("unprocessable", "upload_size_mismatch"),
};
