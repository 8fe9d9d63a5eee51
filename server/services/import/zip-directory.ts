/**
 * The central directory of a ZIP archive (an XLSX is one), read without unpacking anything: the
 * names say whether it is an Excel workbook at all, the declared sizes whether unpacking it is
 * safe, and a missing or broken directory means the file was cut off or damaged.
 */
export interface TZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** The entries, or null when the archive's directory is missing or inconsistent. */
export function readZipDirectory(bytes: Buffer): TZipEntry[] | null {
  const end = findEndRecord(bytes);
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (offset + size > end) return null;

  const entries: TZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeader = bytes.readUInt32LE(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end || localHeader >= offset) return null;
    entries.push({
      name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
      compressedSize,
      uncompressedSize,
    });
    at = next;
  }
  return entries;
}

function findEndRecord(bytes: Buffer): number {
  const last = bytes.length - END_RECORD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at -= 1) {
    if (
      bytes.readUInt32LE(at) === END_OF_DIRECTORY &&
      at + END_RECORD_SIZE + bytes.readUInt16LE(at + 20) <= bytes.length
    ) {
      return at;
    }
  }
  return -1;
}
