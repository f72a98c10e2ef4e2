import { getTranslations } from "next-intl/server";
import { exportFormats } from "@/lib/transcripts/export/export-format";

export const EXPORT_FORM_ID = "export-selected";

/**
 * "Export" for the recordings ticked in the list (their checkboxes belong to this form through
 * `form=`): a plain GET to the zip route, so the browser streams the download itself.
 */
export async function ExportSelectedForm() {
  const t = await getTranslations("export");
  return (
    <form id={EXPORT_FORM_ID} method="get" action="/api/v1/audio/export" className="flex flex-wrap items-center gap-2 text-sm" data-testid="export-selected">
      <label className="flex items-center gap-2">
        {t("formatLabel")}
        <select name="format" defaultValue="txt" className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
          {exportFormats.map((format) => (
            <option key={format} value={format}>
              {t(`formats.${format}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="timestamps" value="true" />
        {t("withTimestamps")}
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
        {t("exportSelectedButton")}
      </button>
    </form>
  );
}
