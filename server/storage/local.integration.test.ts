import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalFileStorage } from "./local";
import { itBehavesLikeFileStorage } from "./storage-contract";

let root: string;
let scratch: string;
let storage: LocalFileStorage;

beforeEach(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), "otklik-local-storage-"));
  root = path.join(base, "uploads");
  scratch = path.join(base, "scratch");
  await writeFile(path.join(base, "outside.jpg"), "must stay untouched");
  await mkdir(scratch);
  storage = new LocalFileStorage(root);
});
afterEach(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

/** Every file under the storage folder, temporary ones included. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe("local file storage", () => {
  itBehavesLikeFileStorage(() => ({ storage, scratch }));

  it("keeps each object at its key under the folder and nothing else", async () => {
    await writeFile(path.join(scratch, "a.bin"), "abc");
    await storage.put("cases/c1/a.jpg", { path: path.join(scratch, "a.bin") }, "image/jpeg");
    expect(await filesUnder(root)).toEqual([path.join("cases", "c1", "a.jpg")]);
  });

  it("leaves no temporary file after a failed write, and no empty folders after a delete", async () => {
    await writeFile(path.join(scratch, "a.bin"), "abc");
    await storage.put("cases/c1/a.jpg", { path: path.join(scratch, "a.bin") }, "image/jpeg");
    await expect(
      storage.put("cases/c1/b.jpg", { path: path.join(scratch, "missing.bin") }, "image/jpeg"),
    ).rejects.toThrow(/ENOENT/);
    await storage.delete("cases/c1/a.jpg");
    expect(await filesUnder(root)).toEqual([]);
    expect(await readdir(root)).toEqual([".tmp"]);
  });

  it("never touches a file outside its folder", async () => {
    await expect(storage.delete("../outside.jpg")).rejects.toThrow(/Invalid storage key/);
    expect(await readdir(path.dirname(root))).toContain("outside.jpg");
  });

  it("does not take a folder for an object", async () => {
    await writeFile(path.join(scratch, "a.bin"), "abc");
    await storage.put("cases/c9/a.jpg", { path: path.join(scratch, "a.bin") }, "image/jpeg");
    expect(await storage.stat("cases/c9")).toBeNull();
    expect(await storage.get("cases")).toBeNull();
  });
});
