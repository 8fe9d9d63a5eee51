import { readdirSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../db/migrate/paths";

/**
 * The URL patterns of the app's pages and route handlers, read from app/ the way Next.js does
 * (route groups "(portal)" vanish, dynamic segments stay as "[id]"), so security tests cover
 * every page that exists instead of a list someone must remember to extend.
 */
function collect(fileName: "page.tsx" | "route.ts"): string[] {
  const appDir = path.join(REPO_ROOT, "app");
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const isGroup = entry.name.startsWith("(") && entry.name.endsWith(")");
        walk(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]);
      } else if (entry.name === fileName) {
        found.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return found.sort();
}

export function listPageRoutes(): string[] {
  return collect("page.tsx");
}

export function listApiRoutes(): string[] {
  return collect("route.ts");
}

/** A concrete URL for a pattern: each "[param]" replaced by the value given for it. */
export function fillRoute(pattern: string, params: Readonly<Record<string, string>>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${pattern}`);
    return encodeURIComponent(value);
  });
}
