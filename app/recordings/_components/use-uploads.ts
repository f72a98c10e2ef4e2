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

/**
 * One XMLHttpRequest per file: unlike fetch, it reports upload progress, and abort() cancels it.
 * The app's language goes along as Accept-Language so the server's refusals match the page.
 */
export function useUploads(maxUploadMb: number) {
  const t = useTranslations("recordings");
  const locale = useLocale();
  const router = useRouter();
  const [items, setItems] = useState<UploadItem[]>([]);
  const requests = useRef(new Map<string, XMLHttpRequest>());

  const update = useCallback((id: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

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

        const request = new XMLHttpRequest();
        requests.current.set(id, request);
        request.open("POST", "/api/v1/audio/upload");
        request.setRequestHeader("Accept-Language", locale);
        request.responseType = "json";
        request.upload.onprogress = (event) => update(id, { loaded: event.loaded, total: event.total || file.size });
        request.onload = () => {
          requests.current.delete(id);
          if (request.status === 200) {
            update(id, { state: "done", loaded: file.size });
            router.refresh();
          } else {
            update(id, { state: "failed", error: request.response?.error?.message ?? t("failed") });
          }
        };
        request.onerror = () => update(id, { state: "failed", error: t("networkError") });
        request.onabort = () => update(id, { state: "cancelled" });
        const form = new FormData();
        form.append("file", file, file.name);
        request.send(form);
      }
    },
    [locale, maxUploadMb, router, t, update],
  );

  const cancel = useCallback((id: string) => requests.current.get(id)?.abort(), []);
  return { items, start, cancel };
}
