import { z } from "zod";

export const userSchema = z
  .object({
    id: z.uuid(),
    phone_number: z.string(),
    role: z.enum(["user", "admin"]),
    display_name: z.string().nullable(),
    preferred_locale: z.enum(["uz", "ru", "en"]).nullable(),
    transcript_script: z.enum(["latin", "cyrillic"]).meta({ description: "How Uzbek transcripts are written" }),
    default_language: z.string().nullable().meta({ description: "Used for uploads that name no language" }),
    vocabulary: z.string().nullable().meta({ description: "Names and terms passed to the engine as a prompt" }),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "User" });
