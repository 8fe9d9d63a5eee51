import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { createFileStorage, storageConfigFromEnv } from "./index";
import { LocalFileStorage } from "./local";
import { S3FileStorage } from "./s3";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/otklik", AUTH_SECRET: "x".repeat(32) };

describe("storage configuration", () => {
  it("keeps files in .data/uploads by default, with the regulation's upload limits", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({ STORAGE_DRIVER: "local", UPLOAD_MAX_PHOTO_MB: 20, UPLOAD_MAX_VIDEO_MB: 200 });
    const config = storageConfigFromEnv(env);
    expect(config).toEqual({ driver: "local", dir: path.resolve(".data/uploads") });
    expect(createFileStorage(config)).toBeInstanceOf(LocalFileStorage);
  });

  it("stops start-up naming each S3 variable an s3 driver lacks", () => {
    expect(() => parseEnv({ ...base, STORAGE_DRIVER: "s3", S3_BUCKET: "otklik" })).toThrow(
      /S3_ACCESS_KEY_ID: required when STORAGE_DRIVER is s3\n {2}S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER is s3/,
    );
    expect(() => parseEnv({ ...base, STORAGE_DRIVER: "ftp" })).toThrow(/STORAGE_DRIVER/);
    expect(() => parseEnv({ ...base, UPLOAD_MAX_VIDEO_MB: "lots" })).toThrow(/UPLOAD_MAX_VIDEO_MB/);
  });

  it("configures an S3-compatible store from the environment", () => {
    const env = parseEnv({
      ...base,
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: "https://storage.yandexcloud.net",
      S3_REGION: "ru-central1",
      S3_BUCKET: "otklik",
      S3_ACCESS_KEY_ID: "key",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_FORCE_PATH_STYLE: "false",
    });
    const config = storageConfigFromEnv(env);
    expect(config).toEqual({
      driver: "s3",
      endpoint: "https://storage.yandexcloud.net",
      region: "ru-central1",
      bucket: "otklik",
      accessKeyId: "key",
      secretAccessKey: "secret",
      forcePathStyle: false,
    });
    const storage = createFileStorage(config);
    expect(storage).toBeInstanceOf(S3FileStorage);
    (storage as S3FileStorage).destroy();
  });
});
