import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { IMPORT_LIMITS_TEXT } from "../../domain/import/limits";
import { ImportFileError } from "./errors";

export interface TImportForm {
  file: { name: string; bytes: Buffer } | null;
  /** The text fields (`mapping`, `mode`), each at most FIELD_MAX_BYTES. */
  fields: Record<string, string>;
}

/** A mapping of a dozen header names fits many times over. */
const FIELD_MAX_BYTES = 64 * 1024;

const tooLarge = () =>
  new ImportFileError("payload_too_large", `Файл слишком большой: принимаются файлы ${IMPORT_LIMITS_TEXT}`);

const formError = () =>
  new ImportFileError("bad_request", "Не удалось прочитать форму: отправьте файл в поле «file» (multipart/form-data)");

/**
 * Reads the import form (multipart/form-data) into memory: the file in field `file`, at most
 * `maxBytes` (413 as soon as it is exceeded, the rest of the body is not read), and the small
 * text fields. Like the attachments' upload, but held in memory: an export is parsed whole anyway.
 */
export function receiveImportForm(
  input: Readable | ReadableStream<Uint8Array>,
  contentType: string,
  options: { maxBytes: number },
): Promise<TImportForm> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers send the file name as raw UTF-8; busboy's default would read it as Latin-1.
      defParamCharset: "utf8",
      limits: {
        files: 1,
        fields: 5,
        parts: 6,
        fieldSize: FIELD_MAX_BYTES,
        fileSize: options.maxBytes,
        headerPairs: 20,
      },
    });
  } catch {
    return Promise.reject(formError());
  }

  return new Promise<TImportForm>((resolve, reject) => {
    // Converted here with its error listener at once: a client's disconnect is then heard.
    const body = input instanceof Readable ? input : Readable.fromWeb(input as NodeWebReadableStream<Uint8Array>);
    const fields: Record<string, string> = {};
    let file: TImportForm["file"] = null;
    let reading: Promise<void> | null = null;
    let settled = false;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      body.unpipe(parser);
      body.destroy();
      parser.destroy();
      reject(error instanceof ImportFileError ? error : interrupted());
    };
    body.on("error", fail);

    parser.on("file", (name, stream, info) => {
      if (name !== "file" || reading) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      reading = new Promise<void>((done, failed) => {
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("limit", () => failed(tooLarge()));
        stream.on("error", failed);
        stream.on("end", () => {
          file = { name: info.filename ?? "", bytes: Buffer.concat(chunks) };
          done();
        });
      });
      reading.catch(fail);
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) {
        fail(new ImportFileError("bad_request", `Поле «${name}» формы слишком длинное`));
        return;
      }
      fields[name] = value;
    });
    parser.on("filesLimit", () => fail(new ImportFileError("bad_request", "Загружайте один файл за раз")));
    parser.on("partsLimit", () => fail(formError()));
    parser.on("fieldsLimit", () => fail(formError()));
    parser.on("error", fail);
    parser.on("close", () => {
      if (settled) return;
      (reading ?? Promise.resolve()).then(() => {
        if (settled) return;
        settled = true;
        resolve({ file, fields });
      }, fail);
    });
    body.pipe(parser);
  });
}

/** The body's own failures (cut off mid-way, malformed multipart) are the sender's. */
function interrupted(): ImportFileError {
  return new ImportFileError(
    "bad_request",
    "Файл не получен полностью: передача прервалась или форма повреждена. Повторите загрузку",
  );
}
