"use client";

import { useCallback, useState } from "react";

/**
 * Rows a person has just acted on disappear at once, before the queue is fetched again. A row is
 * hidden only in the version it was acted on: if the case comes back to the same queue later
 * (a department hands it back as not theirs), its version has moved on and it shows again.
 */
export function useSettledRows() {
  const [settled, setSettled] = useState<ReadonlyMap<string, number>>(new Map());
  const settle = useCallback((id: string, version: number) => {
    setSettled((previous) => new Map(previous).set(id, version));
  }, []);
  const isSettled = useCallback(
    (row: { id: string; version: number }) => settled.get(row.id) === row.version,
    [settled],
  );
  return { settle, isSettled };
}
