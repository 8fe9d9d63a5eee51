import { createWriteStream } from "node:fs";
import { Readable, Transform, type TransformCallback } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { fileTypeFromBuffer } from "file-type";
import {
  findFileType,
  mediaAllowedFor,
  unsupportedTypeMessage,
  type TAttachmentPurpose,
  type TFileType,
} from "../../domain/attachments/file-types";
import {
  maxBytesForMedia,
  maxBytesForPurpose,
  tooLargeMessage,
  type TUploadLimits,
} from "../../domain/attachments/limits";
import { AttachmentError } from "./errors";

/** file-type's own figure for a reliable verdict on every format it knows. */
const SNIFF_BYTES = 4100;

export interface TReceivedFile {
  /** As the browser sent it; not yet cleaned. */
  fileName: string;
  size: number;
  type: TFileType;
}

/**
 * Streams the one file of a multipart/form-data body (field `file`) into `target`, deciding on
 * the way: its type from the first bytes (415 at once for an .exe named photo.jpg, without
 * reading the rest), and its size against the limit of that type (413 as soon as it is
 * exceeded). On any refusal the body is no longer read; `target` may hold a partial file, which
 * the caller removes with its temporary folder.
 */
export async function receiveFile(
  input: Readable | ReadableStream<Uint8Array>,
  contentType: string,
  options: { purpose: TAttachmentPurpose; limits: TUploadLimits; target: string },
): Promise<TReceivedFile> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers send the file name as raw UTF-8; busboy's default would read it as Latin-1.
      defParamCharset: "utf8",
      limits: { files: 1, fields: 10, parts: 12, fieldSize: 4096, headerPairs: 20 },
    });
  } catch {
    throw formError();
  }

  return new Promise<TReceivedFile>((resolve, reject) => {
    // Converted only here, with its error listener at once: a Node stream made from a request
    // body emits the client's disconnect as soon as it happens, and unheard it would be an
    // uncaught exception.
    const body = input instanceof Readable ? input : Readable.fromWeb(input as NodeWebReadableStream<Uint8Array>);
    let settled = false;
    let fileStream: Readable | null = null;
    let writing: Promise<TReceivedFile> | null = null;
    // Ends the file's pipeline on a refusal: destroying only its source can leave it waiting for
    // an end that never comes (busboy may have queued the end without emitting it).
    const stopWriting = new AbortController();

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      body.unpipe(parser);
      body.destroy();
      parser.destroy();
      stopWriting.abort();
      fileStream?.destroy();
      // Settle only once the file is closed, so the caller's clean-up finds nothing still open.
      void (writing ?? Promise.resolve()).catch(() => undefined).finally(() => reject(asUploadError(error)));
    };
    body.on("error", fail);

    parser.on("file", (name, stream, info) => {
      if (name !== "file" || writing) {
        stream.resume();
        return;
      }
      fileStream = stream;
      const guard = new UploadGuard(options.purpose, options.limits);
      writing = pipeline(stream, guard, createWriteStream(options.target, { flags: "wx" }), {
        signal: stopWriting.signal,
      }).then(() => ({
        fileName: info.filename ?? "",
        size: guard.bytes,
        type: guard.requireType(),
      }));
      writing.catch(fail);
    });
    parser.on("filesLimit", () => fail(new AttachmentError("bad_request", "Загружайте файлы по одному")));
    parser.on("partsLimit", () => fail(formError()));
    parser.on("fieldsLimit", () => fail(formError()));
    parser.on("error", fail);
    parser.on("close", () => {
      if (settled) return;
      if (!writing) {
        fail(new AttachmentError("bad_request", "Выберите файл для загрузки"));
        return;
      }
      writing.then((file) => {
        if (settled) return;
        settled = true;
        resolve(file);
      }, fail);
    });
    body.pipe(parser);
  });
}

/**
 * Passes the file through while counting it. Holds the first bytes until it knows the type,
 * then applies that type's limit; refuses as soon as a rule is broken.
 */
class UploadGuard extends Transform {
  bytes = 0;
  private type: TFileType | null = null;
  private limit: number;
  private head: Buffer[] = [];
  private headLength = 0;

  constructor(
    private readonly purpose: TAttachmentPurpose,
    private readonly limits: TUploadLimits,
  ) {
    super();
    this.limit = maxBytesForPurpose(purpose, limits);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (!this.type && this.headLength < SNIFF_BYTES) {
      this.head.push(chunk);
      this.headLength += chunk.length;
    }
    const ready = !this.type && this.headLength >= SNIFF_BYTES ? this.sniff() : Promise.resolve();
    ready
      .then(() => this.checkSize())
      .then(
        () => callback(null, chunk),
        (error: Error) => callback(error),
      );
  }

  override _flush(callback: TransformCallback): void {
    if (this.bytes === 0) {
      callback(new AttachmentError("bad_request", "Файл пустой"));
      return;
    }
    (this.type ? Promise.resolve() : this.sniff())
      .then(() => this.checkSize())
      .then(
        () => callback(),
        (error: Error) => callback(error),
      );
  }

  requireType(): TFileType {
    if (!this.type) throw new Error("The upload guard finished without a type");
    return this.type;
  }

  private async sniff(): Promise<void> {
    const detected = await fileTypeFromBuffer(Buffer.concat(this.head));
    this.head = [];
    const type = findFileType(detected?.mime);
    if (!type || !mediaAllowedFor(this.purpose).includes(type.media)) {
      throw new AttachmentError("unsupported_media_type", unsupportedTypeMessage(this.purpose, detected?.ext));
    }
    this.type = type;
    this.limit = maxBytesForMedia(type.media, this.limits);
  }

  private checkSize(): void {
    if (this.bytes > this.limit) {
      throw new AttachmentError(
        "payload_too_large",
        tooLargeMessage(this.purpose, this.type?.media ?? null, this.limits),
      );
    }
  }
}

function formError(): AttachmentError {
  return new AttachmentError(
    "bad_request",
    "Не удалось прочитать форму: отправьте файл в поле «file» (multipart/form-data)",
  );
}

/**
 * The body's own failures (cut off mid-way, malformed multipart) are the sender's: 400. Errors
 * of our file system (they carry a syscall: ENOSPC, EACCES…) stay what they are: a server fault.
 */
function asUploadError(error: unknown): Error {
  if (error instanceof AttachmentError) return error;
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string") return error;
  return new AttachmentError(
    "bad_request",
    "Файл не получен полностью: передача прервалась или форма повреждена. Повторите загрузку",
  );
}
