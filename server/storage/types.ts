import type { Readable } from "node:stream";
import type { TByteRange } from "../domain/attachments/range";

/** What to store: a file on disk, or a stream (its size, when known, spares the S3 driver a spool). */
export type TPutSource = { path: string } | { stream: Readable; size?: number };

export interface TStoredObject {
  size: number;
  /** As given to `put`; the local driver keeps no metadata and answers null. */
  contentType: string | null;
}

export interface TStoredContent {
  /** The requested bytes (all of them without a range). Destroy it when not read to the end. */
  body: Readable;
  /** The whole object's size, for Content-Range. */
  size: number;
}

/**
 * Where uploaded files live, by key ("cases/<caseId>/<uuid>.jpg"). A `put` is all or nothing: a
 * reader never sees half a file under a key. Keys are made by the portal, never by people, and
 * are checked anyway (see `assertStorageKey`).
 */
export interface TFileStorage {
  readonly driver: "local" | "s3";
  put(key: string, source: TPutSource, contentType: string): Promise<void>;
  /** The object's bytes, `range` inclusive and within the object; null when there is no such key. */
  get(key: string, range?: TByteRange): Promise<TStoredContent | null>;
  stat(key: string): Promise<TStoredObject | null>;
  /** Removes the object; removing an absent one is not an error. */
  delete(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Keys are "/"-separated segments of letters, digits, ".", "_" and "-", each starting with a
 * letter or digit: so no "..", no absolute paths, no backslashes, no hidden files — nothing
 * that could leave the storage folder or collide with the local driver's ".tmp".
 */
export function assertStorageKey(key: string): void {
  const segments = key.split("/");
  if (key.length > 512 || !segments.every((s) => SEGMENT.test(s))) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}
