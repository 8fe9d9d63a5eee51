import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { expect, it } from "vitest";
import type { TFileStorage } from "./types";

/**
 * What every storage driver must do, run by each driver's test file against the real thing
 * (a folder; an S3 server). `scratch` is a folder for source files outside the storage.
 */
export function itBehavesLikeFileStorage(setup: () => { storage: TFileStorage; scratch: string }) {
  it("stores a file from disk and reads it back whole and in byte ranges", async () => {
    const { storage, scratch } = setup();
    const bytes = randomBytes(256 * 1024 + 7);
    const source = path.join(scratch, "source.bin");
    await writeFile(source, bytes);

    await storage.put("cases/c1/photo.jpg", { path: source }, "image/jpeg");

    expect(await storage.stat("cases/c1/photo.jpg")).toMatchObject({ size: bytes.length });
    const whole = await storage.get("cases/c1/photo.jpg");
    expect(whole?.size).toBe(bytes.length);
    expect((await readAll(whole!.body)).equals(bytes)).toBe(true);
    const middle = await storage.get("cases/c1/photo.jpg", { start: 1000, end: 1999 });
    expect(middle?.size).toBe(bytes.length);
    expect((await readAll(middle!.body)).equals(bytes.subarray(1000, 2000))).toBe(true);
    const last = await storage.get("cases/c1/photo.jpg", { start: bytes.length - 1, end: bytes.length - 1 });
    expect(await readAll(last!.body)).toEqual(bytes.subarray(bytes.length - 1));
  });

  it("stores a stream of known or unknown length", async () => {
    const { storage } = setup();
    const bytes = Buffer.from("Видео с места: двор дома 5, ул. Ленина");
    await storage.put("cases/c2/known.mp4", { stream: Readable.from([bytes]), size: bytes.length }, "video/mp4");
    await storage.put(
      "cases/c2/unknown.mp4",
      { stream: Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]) },
      "video/mp4",
    );
    for (const key of ["cases/c2/known.mp4", "cases/c2/unknown.mp4"]) {
      const content = await storage.get(key);
      expect((await readAll(content!.body)).toString()).toBe(bytes.toString());
    }
  });

  it("answers null for a missing key, and deleting twice is no error", async () => {
    const { storage, scratch } = setup();
    expect(await storage.get("cases/none/x.jpg")).toBeNull();
    expect(await storage.stat("cases/none/x.jpg")).toBeNull();
    const source = path.join(scratch, "gone.bin");
    await writeFile(source, "x");
    await storage.put("cases/c3/gone.jpg", { path: source }, "image/jpeg");
    await storage.delete("cases/c3/gone.jpg");
    await storage.delete("cases/c3/gone.jpg");
    expect(await storage.stat("cases/c3/gone.jpg")).toBeNull();
    expect(await storage.get("cases/c3/gone.jpg")).toBeNull();
  });

  it("stores nothing when the source fails half-way", async () => {
    const { storage } = setup();
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024, 1));
        this.destroy(new Error("connection reset by the client"));
      },
    });
    await expect(
      storage.put("cases/c4/broken.mp4", { stream: failing, size: 1024 * 1024 }, "video/mp4"),
    ).rejects.toThrow();
    expect(await storage.stat("cases/c4/broken.mp4")).toBeNull();
  });

  it("refuses keys that could leave the storage", async () => {
    const { storage, scratch } = setup();
    const source = path.join(scratch, "evil.bin");
    await writeFile(source, "x");
    for (const key of [
      "../outside.jpg",
      "cases/../../outside.jpg",
      "/etc/passwd",
      "cases\\..\\x",
      "",
      ".tmp/x",
      "cases//x",
      "cases/.hidden",
    ]) {
      await expect(storage.put(key, { path: source }, "image/jpeg"), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(key), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.delete(key), key).rejects.toThrow(/Invalid storage key/);
    }
  });
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
