import type { Speaker } from "./speaker";

export function speakerJson(speaker: Speaker) {
  return { id: speaker.id, name: speaker.name, color: speaker.color };
}
