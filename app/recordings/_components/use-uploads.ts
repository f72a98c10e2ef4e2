"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { looksLikeAcceptedAudio } from "@/lib/recordings/upload-limits";

export type UploadItem = {
  id: string;
  name: string;
  loaded: number;
  total: number;
  state: "uploading" | "done" | "failed" | "cancelled";
  error?: string;
};

type Answer = { status: number; body: unknown };
type DirectTarget = { upload_id: string; url: string; fields: Record<string, string> };

/** A refusal whose message is ready to show: the server's localized one, or ours. */
class UploadFailure extends Error {}

/**
 * Uploads files with the same progress, cancel and errors whichever way the bytes go: through this
 * server (one multipart POST), or with `direct`, straight to the object store (ask for a presigned
 * form, POST the file to the bucket, then ask the server to check and keep it). The bytes always go
 * by XMLHttpRequest: unlike fetch, it reports upload progress. The app's language goes along as
 * Accept-Language so the server's refusals match the page.
 */
export function useUploads(maxUploadMb: number, direct: boolean) {
  const t = useTranslations("recordings");
  const locale = useLocale();
  const router = useRouter();
  const [items, setItems] = useState<UploadItem[]>([]);
  const uploads = useRef(new Map<string, AbortController>());

  const update = useCallback((id: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const send = useCallback(
    async (file: File, signal: AbortSignal, onProgress: (loaded: number, total: number) => void) => {
      const refusal = (answer: Answer) => new UploadFailure((answer.body as { error?: { message?: string } } | null)?.error?.message ?? t("failed"));
      const headers = { "Accept-Language": locale };
      if (!direct) {
        const answer = await postWithProgress("/api/v1/audio/upload", formOf({}, file), { headers, signal, onProgress, networkError: t("networkError") });
        if (answer.status !== 200) throw refusal(answer);
        return;
      }
      const created = await postJson("/api/v1/audio/uploads", { filename: file.name, size: file.size, content_type: file.type || "application/octet-stream" }, { headers, signal, networkError: t("networkError") });
      if (created.status !== 200) throw refusal(created);
      const target = created.body as DirectTarget;
      // The bucket answers in its own (XML) terms; its refusals are shown as ours.
      const sent = await postWithProgress(target.url, formOf(target.fields, file), { signal, onProgress, networkError: t("networkError") });
      if (sent.status < 200 || sent.status > 299) throw new UploadFailure(t("failed"));
      const completed = await postJson(`/api/v1/audio/uploads/${target.upload_id}/complete`, {}, { headers, signal, networkError: t("networkError") });
      if (completed.status !== 200) throw refusal(completed);
    },
    [direct, locale, t],
  );

  const start = useCallback(
    (files: File[]) => {
      for (const file of files) {
        const id = crypto.randomUUID();
        const precheck = !looksLikeAcceptedAudio(file)
          ? t("unsupportedType", { name: file.name })
          : file.size > maxUploadMb * 2 ** 20
            ? t("tooLarge", { name: file.name, maxMb: maxUploadMb })
            : null;
        setItems((current) => [...current, { id, name: file.name, loaded: 0, total: file.size, state: precheck ? "failed" : "uploading", error: precheck ?? undefined }]);
        if (precheck) continue;

        const controller = new AbortController();
        uploads.current.set(id, controller);
        send(file, controller.signal, (loaded, total) => update(id, { loaded, total: total || file.size })).then(
          () => {
            update(id, { state: "done", loaded: file.size });
            router.refresh();
          },
          (error: unknown) => {
            if (controller.signal.aborted) update(id, { state: "cancelled" });
            else update(id, { state: "failed", error: error instanceof UploadFailure ? error.message : t("failed") });
          },
        ).finally(() => uploads.current.delete(id));
      }
    },
    [maxUploadMb, router, send, t, update],
  );

  const cancel = useCallback((id: string) => uploads.current.get(id)?.abort(), []);
  return { items, start, cancel };
}

/** A presigned form's fields first, then the file: S3 reads the policy before the file it governs. */
function formOf(fields: Record<string, string>, file: File): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", file, file.name);
  return form;
}

type RequestOptions = { headers?: Record<string, string>; signal: AbortSignal; networkError: string };

function postWithProgress(url: string, form: FormData, options: RequestOptions & { onProgress: (loaded: number, total: number) => void }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    for (const [name, value] of Object.entries(options.headers ?? {})) request.setRequestHeader(name, value);
    request.responseType = "json";
    request.upload.onprogress = (event) => options.onProgress(event.loaded, event.total);
    request.onload = () => resolve({ status: request.status, body: request.response });
    request.onerror = () => reject(new UploadFailure(options.networkError));
    request.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    options.signal.addEventListener("abort", () => request.abort(), { once: true });
    request.send(form);
  });
}

async function postJson(url: string, body: unknown, options: RequestOptions): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { ...options.headers, "Content-Type": "application/json" }, body: JSON.stringify(body), signal: options.signal }).catch((error: unknown) => {
    throw options.signal.aborted ? error : new UploadFailure(options.networkError);
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}
