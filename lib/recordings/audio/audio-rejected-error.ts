import { AppError } from "@/lib/errors/app-error";

export type AudioRejectionReason = "empty" | "not_audio" | "unsupported_format" | "has_video" | "corrupt" | "too_long";

/**
 * 415 when the content is not a media type we take (not audio at all, or an audio format we do not
 * accept); 422 when the type is fine but this file cannot be used: empty, damaged or cut short,
 * carrying video, or longer than allowed. The client fixes a 415 by choosing another file format, a
 * 422 by choosing or repairing another file.
 */
const apiCodes: Record<AudioRejectionReason, string> = {
  empty: "audio_empty",
  not_audio: "not_audio",
  unsupported_format: "unsupported_audio_format",
  has_video: "audio_has_video",
  corrupt: "audio_corrupt",
  too_long: "audio_too_long",
};

type Limits = { durationSeconds: number; maxDurationSeconds: number };

export class AudioRejectedError extends AppError {
  readonly reason: AudioRejectionReason;

  constructor(reason: AudioRejectionReason, options: { cause?: unknown; limits?: Limits } = {}) {
    const unsupported = reason === "not_audio" || reason === "unsupported_format";
    super(unsupported ? "unsupported_media_type" : "unprocessable", {
      code: apiCodes[reason],
      messageKey: `upload.${apiCodes[reason]}`,
      cause: options.cause,
      details: { reason, ...options.limits },
      values: options.limits ? { maxMinutes: Math.floor(options.limits.maxDurationSeconds / 60) } : {},
    });
    this.name = "AudioRejectedError";
    this.reason = reason;
  }

  override get status(): 415 | 422 {
    return super.status as 415 | 422;
  }
}
