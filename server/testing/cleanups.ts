import { afterEach } from "vitest";

/**
 * Clean-ups for what a test starts (databases, servers, temporary folders): registered as the
 * test goes, run after it, last registered first. Call once at the top of a test file.
 */
export function cleanupsAfterEach(): (cleanup: () => unknown) => void {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return (cleanup) => {
    cleanups.push(cleanup);
  };
}
