import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { exportFormatSchema } from "./export-format";

/** How many recordings one archive may hold: a library page's worth. */
export const MAX_EXPORT_IDS = 100;

const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** `?format=…&timestamps=…` of a single export. */
export const singleExportQuery = z.object({ format: exportFormatSchema, timestamps: flag.default(false) });
/** The same plus `ids`, for a zip of several recordings. */
export const zipExportQuery = singleExportQuery.extend({
  ids: z
    .string()
    .transform((ids) => [...new Set(ids.split(",").map((id) => id.trim()).filter((id) => id !== ""))])
    .pipe(z.array(z.string()).min(1).max(MAX_EXPORT_IDS)),
});

/** `?format=…&timestamps=…` of an export URL; anything else is a 422. */
export function parseExportQuery(url: string): z.infer<typeof singleExportQuery> {
  return parse(singleExportQuery, url);
}

/** The same plus `ids=a,b,…` (or `ids=a&ids=b`, as an HTML form sends them) for a multi-recording archive. */
export function parseZipExportQuery(url: string): z.infer<typeof zipExportQuery> {
  return parse(zipExportQuery, url);
}

function parse<Schema extends z.ZodType>(schema: Schema, url: string): z.infer<Schema> {
  const params = new URL(url).searchParams;
  const ids = params.getAll("ids");
  const parsed = schema.safeParse({ ...Object.fromEntries(params), ...(ids.length > 0 ? { ids: ids.join(",") } : {}) });
  if (!parsed.success) throw new AppError("validation", { code: "export_query_invalid", messageKey: "export.queryInvalid" });
  return parsed.data;
}
