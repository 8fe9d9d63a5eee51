import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { TByteRange } from "../domain/attachments/range";
import { assertStorageKey, type TFileStorage, type TPutSource, type TStoredContent, type TStoredObject } from "./types";

export interface TS3StorageConfig {
  /** Absent for AWS itself; the URL of MinIO, Yandex Object Storage and the like otherwise. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/**
 * Files in an S3-compatible bucket. PutObject is atomic by nature: an object appears whole or
 * not at all. One PutObject takes up to 5 GB, far above the upload limits, so no multipart.
 */
export class S3FileStorage implements TFileStorage {
  readonly driver = "s3";
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: TS3StorageConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Recent SDKs add CRC checksums (and aws-chunked bodies) to every request by default,
      // which many S3-compatible stores reject; send them only where the API requires them.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, source: TPutSource, contentType: string): Promise<void> {
    assertStorageKey(key);
    if ("stream" in source && source.size === undefined) {
      // PutObject needs the length up front: spool a stream of unknown size to disk first.
      const dir = await mkdtemp(path.join(os.tmpdir(), "otklik-s3-"));
      try {
        const file = path.join(dir, "body");
        await pipeline(source.stream, createWriteStream(file));
        return await this.put(key, { path: file }, contentType);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    const { body, size } =
      "path" in source
        ? { body: createReadStream(source.path), size: (await stat(source.path)).size }
        : { body: source.stream, size: source.size };
    // The SDK does not notice a body that fails half-way and would wait for the rest forever:
    // abort the request, so that nothing is stored and the caller gets the error.
    const abort = new AbortController();
    let bodyError: unknown;
    const onError = (error: unknown) => {
      bodyError = error;
      abort.abort(error);
    };
    body.once("error", onError);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentLength: size,
          ContentType: contentType,
        }),
        { abortSignal: abort.signal },
      );
    } catch (error) {
      throw bodyError ?? error;
    } finally {
      body.off("error", onError);
      body.destroy();
    }
  }

  async get(key: string, range?: TByteRange): Promise<TStoredContent | null> {
    assertStorageKey(key);
    try {
      const result = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      if (!(result.Body instanceof Readable)) throw new Error("S3 GetObject returned no Node stream");
      // "bytes 0-9/1234": the total is after the slash; without a range it is the length.
      const total = result.ContentRange ? Number(result.ContentRange.split("/")[1]) : result.ContentLength;
      if (total === undefined || !Number.isFinite(total)) {
        result.Body.destroy();
        throw new Error(`S3 GetObject returned no size for ${key}`);
      }
      return { body: result.Body, size: total };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async stat(key: string): Promise<TStoredObject | null> {
    assertStorageKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? null };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** For tests and shutdown: closes the client's sockets. */
  destroy(): void {
    this.client.destroy();
  }
}

/** No such object; a missing bucket is a configuration error and is thrown as such. */
function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404 && error.name !== "NoSuchBucket";
}
