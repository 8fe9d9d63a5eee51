import "server-only";
import path from "node:path";
import { env, type TEnv } from "../env";
import { LocalFileStorage } from "./local";
import { S3FileStorage, type TS3StorageConfig } from "./s3";
import type { TFileStorage } from "./types";

export type { TFileStorage, TPutSource, TStoredContent, TStoredObject } from "./types";

export type TStorageConfig = { driver: "local"; dir: string } | ({ driver: "s3" } & TS3StorageConfig);

/** The storage the environment configures (STORAGE_DRIVER and its variables, see README). */
export function storageConfigFromEnv(e: TEnv): TStorageConfig {
  if (e.STORAGE_DRIVER === "local") return { driver: "local", dir: path.resolve(e.STORAGE_DIR) };
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = e;
  // parseEnv has already refused an s3 driver without these; this narrows the types.
  if (!bucket || !accessKeyId || !secretAccessKey) throw new Error("S3 storage is not fully configured");
  return {
    driver: "s3",
    ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
    region: e.S3_REGION,
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  };
}

export function createFileStorage(config: TStorageConfig): TFileStorage {
  if (config.driver === "local") return new LocalFileStorage(config.dir);
  const { driver: _driver, ...s3 } = config;
  return new S3FileStorage(s3);
}

// One per process, like the database client (Next's dev server reloads modules).
const globalForStorage = globalThis as unknown as { otklikFileStorage?: TFileStorage };

export function fileStorage(): TFileStorage {
  globalForStorage.otklikFileStorage ??= createFileStorage(storageConfigFromEnv(env()));
  return globalForStorage.otklikFileStorage;
}
