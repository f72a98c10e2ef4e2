import { z } from "zod";
import { WHISPER_LANGUAGES } from "./whisper-languages";

/** A recording's language as people send it: "auto" to detect, or a language Whisper knows. */
export const transcriptionLanguage = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => value === "auto" || Object.hasOwn(WHISPER_LANGUAGES, value), { message: "unknown language" });
