/**
 * Colours for speakers, in the order new ones get them. Each one is dark enough for white text and
 * readable as a marker next to slate text (WCAG AA against white).
 */
export const SPEAKER_COLORS = ["#1d4ed8", "#b91c1c", "#047857", "#7e22ce", "#b45309", "#0e7490", "#be185d", "#4d7c0f", "#475569"] as const;

export function speakerColorAt(position: number): string {
  return SPEAKER_COLORS[position % SPEAKER_COLORS.length]!;
}
