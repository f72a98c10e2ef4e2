import "server-only";
import { inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { modelDownloads, type ModelDownload } from "@/db/schema";
import { env } from "@/lib/env";
import { locateLocalModel } from "./locate-local-model";
import { listRoutes } from "../routing/list-routes";
import { downloadPercent } from "./download-percent";
import { isDownloadRunning } from "./is-download-running";
import { isReadableFile } from "./is-readable-file";

export type LocalModelState = {
  /** The model as the configuration names it: a path, a catalogue name or a URL. */
  model: string;
  /** "default" for the configured local model, else the route languages ("*" included) that use it. */
  usedBy: string[];
  /** The file that is (or would be) loaded; null for an unknown catalogue name. */
  path: string | null;
  /** How a download is checked: a URL by its SHA-256, a catalogue model by its published SHA-1. */
  hash: { algorithm: "sha1" | "sha256"; expected?: string } | null;
  state: "verified" | "present" | "downloading" | "failed" | "missing" | "unknown";
  /** While downloading; null without a length. */
  percent: number | null;
  receivedBytes: number | null;
  error: string | null;
};

/**
 * Every local model this configuration can load (the default one, used for local transcription and for
 * detecting languages to route, and each route's), with what is on disk and what any download is doing.
 * "verified" means this server checked the file's hash when it downloaded or found it; "present" is a
 * file the operator placed (WHISPER_MODEL_PATH or a route's path), which is loaded as it is.
 */
export async function readLocalModelStates(): Promise<LocalModelState[]> {
  const routes = env.TRANSCRIPTION_ROUTES;
  const users = new Map<string | undefined, string[]>();
  const usedFor = (model: string | undefined, by: string) => users.set(model, [...(users.get(model) ?? []), by]);
  if (env.TRANSCRIPTION_ENGINE === "local" || routes.byLanguage.size > 0) usedFor(undefined, "default");
  for (const [language, route] of listRoutes(routes)) {
    if (route.engine === "local") usedFor(route.model, language);
  }
  const located = [...users].map(([model, usedBy]) => ({ model, usedBy, location: locateLocalModel(model) }));
  const files = located.flatMap(({ location }) => ("download" in location ? [location.download] : []));
  const rows = files.length > 0 ? await db.select().from(modelDownloads).where(inArray(modelDownloads.file, files)) : [];
  const byFile = new Map(rows.map((row) => [row.file, row]));
  return Promise.all(
    located.map(async ({ model, usedBy, location }) => {
      const label = model ?? (location.kind === "url" ? location.model.url : location.kind === "path" ? location.path : location.name);
      if (location.kind === "unknown") return { model: label, usedBy, path: null, hash: null, state: "unknown" as const, percent: null, receivedBytes: null, error: null };
      const row = "download" in location ? byFile.get(location.download) : undefined;
      const hash = location.kind === "url" ? { algorithm: "sha256" as const, expected: location.model.sha256 } : location.kind === "catalogue" ? { algorithm: "sha1" as const } : null;
      return { model: label.replace(/#.*$/, ""), usedBy, path: location.path, hash, ...(await fileState(location.path, row)) };
    }),
  );
}

async function fileState(file: string, row: ModelDownload | undefined): Promise<Pick<LocalModelState, "state" | "percent" | "receivedBytes" | "error">> {
  const none = { percent: null, receivedBytes: null, error: null };
  if (row && isDownloadRunning(row)) {
    return { state: "downloading", percent: downloadPercent(row), receivedBytes: row.receivedBytes, error: null };
  }
  if (await isReadableFile(file)) return { state: row?.state === "verified" ? "verified" : "present", ...none };
  if (row?.state === "failed") return { state: "failed", ...none, error: row.error };
  return { state: "missing", ...none };
}
