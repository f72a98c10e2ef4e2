import { z } from "zod";
import { plainText } from "@/lib/validation/plain-text";

/** A recording's speaker as the app passes it around: the editor, the API, exports. */
export type Speaker = { id: string; name: string; color: string };

export const speakerNameSchema = plainText(80).trim().min(1);
export const speakerColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/);
/** A recording has at most this many speakers. */
export const MAX_SPEAKERS = 50;
