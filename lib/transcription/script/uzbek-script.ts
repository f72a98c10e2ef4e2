import { z } from "zod";

/** The two ways Uzbek is written; Latin is the official one and the default. */
export const UZBEK_SCRIPTS = ["latin", "cyrillic"] as const;
export const uzbekScript = z.enum(UZBEK_SCRIPTS);
export type UzbekScript = (typeof UZBEK_SCRIPTS)[number];

/** oʻ and gʻ take the turned comma (U+02BB), the tutuq belgisi the apostrophe (U+02BC), as the 1995 alphabet has them. */
export const OKINA = "\u02BB";
export const TUTUQ = "\u02BC";
