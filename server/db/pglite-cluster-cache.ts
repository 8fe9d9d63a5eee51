import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

type TPGliteClass = typeof PGlite;

/**
 * Opens PGlite on `dataDir` (null: in memory). A new cluster normally runs initdb first:
 * ~3.8 s here. Loading the data directory of a freshly initialised one (a 40 MB tar) takes
 * ~0.6 s in memory, ~1.4 s on disk. Tests and shadow databases start many of them, so the
 * pristine cluster is dumped once and reused: kept in memory for this process and in
 * node_modules/.cache (per PGlite version) for the next ones. Any failure of the cache just
 * falls back to initdb.
 */
export async function openPglite(PGliteClass: TPGliteClass, dataDir: string | null): Promise<PGlite> {
  // Only a directory that does not exist yet (or is empty) receives the copy.
  const isNew = dataDir === null || !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  if (!isNew) return PGliteClass.create(dataDir);

  const pristine = await readPristineCluster();
  if (pristine) {
    try {
      return await PGliteClass.create(dataDir ?? undefined, { loadDataDir: pristine });
    } catch {
      // A truncated or foreign cache file: forget it, undo the partial copy, run initdb.
      inMemory = undefined;
      if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
    }
  }
  const db = await PGliteClass.create(dataDir ?? undefined);
  // Dumped before anyone has used it, so the copy holds nothing but the empty cluster.
  await savePristineCluster(await db.dumpDataDir("none")).catch(() => {});
  return db;
}

let inMemory: Blob | undefined;

async function readPristineCluster(): Promise<Blob | null> {
  if (inMemory) return inMemory;
  try {
    inMemory = new Blob([await readFile(cacheFile())]);
    return inMemory;
  } catch {
    return null;
  }
}

async function savePristineCluster(dump: Blob): Promise<void> {
  inMemory = dump;
  const file = cacheFile();
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside then renamed: parallel test workers never read half a file.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file);
}

function cacheFile(): string {
  // node_modules/@electric-sql/pglite/dist/index.cjs → the package folder → node_modules.
  const packageDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite")), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return path.join(packageDir, "..", "..", ".cache", "otklik", `pglite-${version}-pristine-cluster.tar`);
}
