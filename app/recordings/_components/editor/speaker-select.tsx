"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Speaker } from "@/lib/transcripts/speakers/speaker";

const NEW = "__new__";

type Props = {
  label: string;
  speakers: Speaker[];
  speakerId: string | null;
  onAssign: (speakerId: string | null) => void;
  /** Adds a speaker and gives it this segment. */
  onAddSpeaker: (name: string) => void;
};

/** A segment's speaker: one of the recording's, none, or a new one named right here. */
export function SpeakerSelect({ label, speakers, speakerId, onAssign, onAddSpeaker }: Props) {
  const t = useTranslations("editor");
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState("");
  const color = speakers.find((speaker) => speaker.id === speakerId)?.color;

  if (adding) {
    const add = () => {
      if (name.trim()) onAddSpeaker(name.trim());
      setAdding(false);
      setName("");
    };
    return (
      <span className="flex items-center gap-1">
        <input
          autoFocus
          value={name}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") add();
            if (event.key === "Escape") setAdding(false);
          }}
          maxLength={80}
          aria-label={t("newSpeakerName")}
          className="w-32 rounded border border-slate-300 px-1 py-0.5 text-sm"
          data-testid="new-speaker-name"
        />
        <button type="button" onClick={add} className="rounded border border-slate-300 px-2 py-0.5 text-sm font-medium hover:bg-slate-100">
          {t("add")}
        </button>
      </span>
    );
  }
  return (
    <select
      value={speakerId ?? ""}
      onChange={(event) => {
        if (event.target.value === NEW) setAdding(true);
        else onAssign(event.target.value || null);
      }}
      aria-label={label}
      data-testid="segment-speaker"
      style={color ? { borderColor: color, color } : undefined}
      className="max-w-40 rounded border border-slate-300 bg-white px-1 py-0.5 text-sm font-medium text-slate-700"
    >
      <option value="">{t("noSpeaker")}</option>
      {speakers.map((speaker, position) => (
        <option key={speaker.id} value={speaker.id}>
          {position < 9 ? `${speaker.name} (Alt+${position + 1})` : speaker.name}
        </option>
      ))}
      <option value={NEW}>{t("newSpeaker")}</option>
    </select>
  );
}
