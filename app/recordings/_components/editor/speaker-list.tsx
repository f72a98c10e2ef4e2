"use client";

import { useTranslations } from "next-intl";
import type { Speaker } from "@/lib/transcripts/speakers/speaker";

/** The recording's speakers, each renamed in one place: every segment shows the new name. */
export function SpeakerList({ speakers, onRename }: { speakers: Speaker[]; onRename: (id: string, name: string) => void }) {
  const t = useTranslations("editor");
  if (speakers.length === 0) return null;
  return (
    <fieldset className="flex flex-wrap items-center gap-2 text-sm" data-testid="speaker-list">
      <legend className="sr-only">{t("speakers")}</legend>
      <span className="font-medium text-slate-700" aria-hidden="true">
        {t("speakers")}:
      </span>
      {speakers.map((speaker, position) => (
        <input
          key={`${speaker.id}:${speaker.name}`}
          defaultValue={speaker.name}
          maxLength={80}
          aria-label={t("renameSpeaker", { number: position + 1 })}
          onBlur={(event) => {
            const name = event.target.value.trim();
            if (name && name !== speaker.name) onRename(speaker.id, name);
            else event.target.value = speaker.name;
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") event.currentTarget.blur();
          }}
          style={{ borderColor: speaker.color }}
          className="w-32 rounded border-2 px-1 py-0.5"
          data-testid="speaker-name"
        />
      ))}
    </fieldset>
  );
}
