"use client";

import { useCallback, useEffect, useState } from "react";

/** Seconds left until a deadline, ticking once a second; `restart` sets a new deadline. */
export function useCountdown(initialSeconds: number) {
  const [deadline, setDeadline] = useState(() => Date.now() + initialSeconds * 1000);
  const [seconds, setSeconds] = useState(initialSeconds);

  useEffect(() => {
    const tick = () => setSeconds(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline]);

  const restart = useCallback((next: number) => setDeadline(Date.now() + next * 1000), []);
  return { seconds, restart };
}
