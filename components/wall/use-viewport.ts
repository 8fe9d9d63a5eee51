"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  window.addEventListener("resize", onChange);
  return () => window.removeEventListener("resize", onChange);
}

// A string snapshot: stable between calls while the size is unchanged.
const read = () => `${window.innerWidth}x${window.innerHeight}`;
/** The server renders for the TV the wall is made for. */
const onServer = () => "1920x1080";

/** The window's size in CSS pixels, following resizes. */
export function useViewport(): { width: number; height: number } {
  const [width, height] = useSyncExternalStore(subscribe, read, onServer).split("x").map(Number);
  return { width: width ?? 1920, height: height ?? 1080 };
}
