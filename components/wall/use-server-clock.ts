"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * The server's time as this screen reckons it (its own clock plus the measured offset), ticking
 * on each whole second so every countdown on the wall changes together. The first render uses
 * `initialMs` (the server's time at render), so the server's HTML and the browser's agree.
 */
export function useServerClock(offsetRef: RefObject<number | null>, initialMs: number): number {
  const [now, setNow] = useState(initialMs);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now() + (offsetRef.current ?? 0);
      setNow(current);
      const intoSecond = ((current % 1000) + 1000) % 1000;
      timer = setTimeout(tick, 1000 - intoSecond + 5);
    };
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [offsetRef]);
  return now;
}
