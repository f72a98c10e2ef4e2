import { z } from "zod";

// C0 and C1 controls, DEL, and U+FFFE/U+FFFF. PostgreSQL refuses U+0000 outright (a 500 before this
// check existed); the others are never typed by a person and only confuse exports and logs.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/;

/**
 * A string a person typed: at most `max` characters and no control characters (a 422 `invalid_format`
 * otherwise). `multiline` allows line breaks and tabs, for transcript text; titles and fields do not.
 */
export function plainText(max: number, options: { multiline?: boolean } = {}) {
  const forbidden = options.multiline ? CONTROL : CONTROL_OR_LINE_BREAK;
  return z
    .string()
    .max(max)
    .refine((value) => !forbidden.test(value), { message: "control characters are not allowed", params: { code: "control_characters" } });
}
