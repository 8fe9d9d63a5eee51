import { randomUUID } from "node:crypto";
import { constants, createWriteStream } from "node:fs";
import { copyFile, mkdir, open, rename, rm, rmdir, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { TByteRange } from "../domain/attachments/range";
import { assertStorageKey, type TFileStorage, type TPutSource, type TStoredContent, type TStoredObject } from "./types";

const TEMP_FOLDER = ".tmp";

/**
 * Files in a folder of this server (STORAGE_DIR). Each put is written to `<root>/.tmp`, flushed
 * to disk and renamed into place: a crash or a failed upload never leaves half a file under a
 * key, and the temporary folder is on the same file system, so the rename is atomic.
 */
export class LocalFileStorage implements TFileStorage {
  readonly driver = "local";
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, source: TPutSource, _contentType: string): Promise<void> {
    const target = this.pathOf(key);
    const tempDir = path.join(this.root, TEMP_FOLDER);
    await mkdir(tempDir, { recursive: true });
    const temp = path.join(tempDir, randomUUID());
    try {
      if ("path" in source) {
        // A copy-on-write clone where the file system can, a copy otherwise.
        await copyFile(source.path, temp, constants.COPYFILE_FICLONE);
      } else {
        await pipeline(source.stream, createWriteStream(temp, { flags: "wx" }));
      }
      await syncFile(temp);
      await this.moveIntoPlace(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: TByteRange): Promise<TStoredContent | null> {
    const opened = await openFile(this.pathOf(key));
    if (!opened) return null;
    // The stream owns the handle from here and closes it when done or destroyed.
    const body = opened.handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    return { body, size: opened.size };
  }

  async stat(key: string): Promise<TStoredObject | null> {
    const opened = await openFile(this.pathOf(key));
    if (!opened) return null;
    await opened.handle.close();
    return { size: opened.size, contentType: null };
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await rm(file, { force: true });
    // Leave no empty per-case folders behind; a folder someone else just wrote to stays.
    for (let dir = path.dirname(file); dir !== this.root && dir.startsWith(this.root); dir = path.dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        break;
      }
    }
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    const resolved = path.resolve(this.root, key);
    // assertStorageKey already rules out escaping; this is the belt to its braces.
    if (!resolved.startsWith(this.root + path.sep)) throw new Error(`Storage key escapes the root: ${key}`);
    return resolved;
  }

  private async moveIntoPlace(temp: string, target: string): Promise<void> {
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await rename(temp, target);
    } catch (error) {
      // A concurrent delete may have removed the just-created empty folder: once more.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
    }
  }
}

/** The file with its size, read from the open handle so that a concurrent delete cannot split them. */
async function openFile(file: string): Promise<{ handle: FileHandle; size: number } | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if (["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "")) return null;
    throw error;
  }
  try {
    const stats = await handle.stat();
    // "cases/x" is a folder when keys below it exist: not an object.
    if (stats.isFile()) return { handle, size: stats.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
  await handle.close();
  return null;
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
