"use client";

import { useEffect } from "react";
import { usePlayer } from "./player-context";

/** `?t=<seconds>` on the recording page (a search hit, a shared link): play from there once. */
export function StartAt({ seconds }: { seconds: number }): null {
  const { seek, play } = usePlayer();
  useEffect(() => {
    // The seek is remembered until the media is ready; play() then starts it from there.
    seek(seconds);
    play();
    // Once per page load, not again when the player's callbacks change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seconds]);
  return null;
}
