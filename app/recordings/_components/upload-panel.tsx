"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ACCEPTED_EXTENSIONS } from "@/lib/recordings/upload-limits";
import { useUploads, type UploadItem } from "./use-uploads";

/** `direct`: recordings live in an object store, so files go straight to it rather than through this server. */
export function UploadPanel({ maxUploadMb, direct }: { maxUploadMb: number; direct: boolean }) {
  const t = useTranslations("recordings");
  const { items, start, cancel } = useUploads(maxUploadMb, direct);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  return (
    <div className="space-y-3">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          start(Array.from(event.dataTransfer.files));
        }}
        className={`rounded-xl border-2 border-dashed p-6 text-center ${dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}
        data-testid="drop-zone"
      >
        <p>
          {t("dropHere")}{" "}
          <button type="button" onClick={() => input.current?.click()} className="font-medium text-brand-700 underline underline-offset-2">
            {t("chooseFiles")}
          </button>
        </p>
        <p className="mt-1 text-sm text-slate-500">{t("limits", { maxMb: maxUploadMb })}</p>
        <input
          ref={input}
          type="file"
          multiple
          accept={[...ACCEPTED_EXTENSIONS, "audio/*"].join(",")}
          className="sr-only"
          aria-label={t("upload")}
          data-testid="upload-input"
          onChange={(event) => {
            start(Array.from(event.target.files ?? []));
            event.target.value = "";
          }}
        />
      </div>
      {items.length > 0 && (
        <ul className="space-y-2" aria-live="polite">
          {items.map((item) => (
            <UploadRow key={item.id} item={item} onCancel={() => cancel(item.id)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function UploadRow({ item, onCancel }: { item: UploadItem; onCancel: () => void }) {
  const t = useTranslations("recordings");
  const percent = item.total ? Math.round((item.loaded / item.total) * 100) : 0;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid="upload-item">
      <div className="flex items-center justify-between gap-3">
        <span className="min-w-0 truncate text-sm font-medium">{item.name}</span>
        {item.state === "uploading" ? (
          <button type="button" onClick={onCancel} className="text-sm text-red-700 underline">
            {t("cancel")}
          </button>
        ) : (
          <span className="text-sm text-slate-600" data-testid="upload-state">
            {t(item.state === "done" ? "uploaded" : item.state)}
          </span>
        )}
      </div>
      {item.state === "uploading" && (
        <>
          <progress className="mt-2 h-2 w-full" max={100} value={percent} aria-label={item.name} />
          <p className="text-xs text-slate-500">{t("uploading", { percent })}</p>
        </>
      )}
      {item.error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {item.error}
        </p>
      )}
    </li>
  );
}
