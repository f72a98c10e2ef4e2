import { z } from "zod";

export const userSchema = z
  .object({
    id: z.uuid(),
    phone_number: z.string(),
    role: z.enum(["user", "admin"]),
    display_name: z.string().nullable(),
    preferred_locale: z.enum(["uz", "ru", "en"]).nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "User" });
