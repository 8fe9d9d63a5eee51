import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3FileStorage } from "./s3";
import { itBehavesLikeFileStorage } from "./storage-contract";

// A real S3 protocol server in this process (s3rver keeps objects in a folder), on a free port.
let base: string;
let server: S3rver;
let endpoint: string;
let storage: S3FileStorage;

const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), "otklik-s3-storage-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: path.join(base, "s3rver"),
    configureBuckets: [{ name: "otklik-files" }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  storage = new S3FileStorage({
    endpoint,
    region: "us-east-1",
    bucket: "otklik-files",
    forcePathStyle: true,
    ...credentials,
  });
});
afterAll(async () => {
  storage?.destroy();
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

describe("S3 file storage", () => {
  itBehavesLikeFileStorage(() => ({ storage, scratch: base }));

  it("records the content type with the object", async () => {
    await storage.put("cases/s3/type.webp", { stream: Readable.from([Buffer.from("RIFF")]), size: 4 }, "image/webp");
    expect(await storage.stat("cases/s3/type.webp")).toEqual({ size: 4, contentType: "image/webp" });
  });

  it("reports a missing bucket as a configuration error, not as a missing file", async () => {
    const misconfigured = new S3FileStorage({
      endpoint,
      region: "us-east-1",
      bucket: "no-such-bucket",
      forcePathStyle: true,
      ...credentials,
    });
    try {
      await expect(misconfigured.get("cases/x/y.jpg")).rejects.toMatchObject({ name: "NoSuchBucket" });
    } finally {
      misconfigured.destroy();
    }
  });
});
