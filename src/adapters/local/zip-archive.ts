import { inflateRawSync } from 'node:zlib';
import { errorMessage, UserError } from '../../core/errors.js';
import { safeRelativePath } from '../../core/run-record/schema.js';

/** Bounds that keep an untrusted zip cheap to open. */
export interface ZipLimits {
  /** Bytes of the zip itself. */
  readonly maxZipBytes: number;
  /** Uncompressed bytes of one entry. */
  readonly maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  readonly maxTotalBytes: number;
  /** Entries, directories included. */
  readonly maxEntries: number;
}

/** Default bounds for a run record artifact: a record, and a few tool state files per step. */
export const ZIP_LIMITS: ZipLimits = {
  maxZipBytes: 256 * 1024 * 1024,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntries: 30_000,
};

/** A zip that is malformed, too large, or holds an entry that could escape the folder it is unpacked into. */
export class UnsafeZipError extends UserError {
  override name = 'UnsafeZipError';
}

/** One entry of a zip's central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly compressedBytes: number;
  readonly bytes: number;
  readonly method: number;
  /** Where the entry's local header starts. */
  readonly offset: number;
  readonly directory: boolean;
  readonly symlink: boolean;
  readonly encrypted: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const MADE_BY_UNIX = 3;

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new UnsafeZipError('not a zip archive (no end of central directory)');
}

/** List a zip's entries from its central directory, without decompressing anything. */
export function parseZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw new UnsafeZipError('not a zip archive (too short)');
  const end = findEndOfCentralDirectory(bytes, view);
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
    throw new UnsafeZipError('zip64 archives are not accepted for run records');
  }
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new UnsafeZipError('malformed zip central directory');
    }
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const mode = view.getUint32(at + 38, true) >>> 16;
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Flag 11 marks a UTF-8 name; without it the name is taken byte for byte.
    const name =
      (flags & 0x800) === 0
        ? Buffer.from(nameBytes).toString('latin1')
        : new TextDecoder().decode(nameBytes);
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      offset: view.getUint32(at + 42, true),
      compressedBytes: view.getUint32(at + 20, true),
      bytes: view.getUint32(at + 24, true),
      directory: name.endsWith('/'),
      symlink: madeBy === MADE_BY_UNIX && (mode & S_IFMT) === S_IFLNK,
      encrypted: (flags & 0x1) !== 0,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Why an entry may not be unpacked, or null when it is fine. */
function checkEntry(entry: ZipEntry, limits: ZipLimits): string | null {
  if (entry.symlink) return 'is a symbolic link';
  if (entry.encrypted) return 'is encrypted';
  if (entry.method !== 0 && entry.method !== 8)
    return `uses unsupported compression ${entry.method}`;
  if (entry.bytes > limits.maxEntryBytes) return `is larger than ${limits.maxEntryBytes} bytes`;
  const path = entry.directory ? entry.name.slice(0, -1) : entry.name;
  if (!safeRelativePath.safeParse(path).success) return 'is not a safe relative path';
  return null;
}

/**
 * List an untrusted zip's entries and check every one (safe relative path, no links, bounded sizes
 * and count, no duplicates) before anything is decompressed: one bad entry rejects the whole archive.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  if (bytes.length > limits.maxZipBytes) {
    throw new UnsafeZipError(`the archive is larger than ${limits.maxZipBytes} bytes`);
  }
  const entries = parseZipEntries(bytes);
  if (entries.length > limits.maxEntries) {
    throw new UnsafeZipError(
      `the archive has ${entries.length} entries; at most ${limits.maxEntries} are accepted`,
    );
  }
  let total = 0;
  const seen = new Set<string>();
  for (const entry of entries) {
    const problem = checkEntry(entry, limits);
    if (problem !== null)
      throw new UnsafeZipError(`zip entry ${JSON.stringify(entry.name)} ${problem}`);
    if (seen.has(entry.name))
      throw new UnsafeZipError(`zip entry ${JSON.stringify(entry.name)} appears twice`);
    total += entry.bytes;
    if (!entry.directory) seen.add(entry.name);
  }
  if (total > limits.maxTotalBytes) {
    throw new UnsafeZipError(
      `the archive unpacks to ${total} bytes; at most ${limits.maxTotalBytes} are accepted`,
    );
  }
  return entries;
}

/**
 * Unpack an untrusted zip in memory, every entry checked first (see {@link checkZip}). Directory
 * entries are dropped; the result maps each file path to its bytes.
 */
export function unpackZip(
  bytes: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS,
): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of checkZip(bytes, limits)) {
    if (entry.directory || files.has(entry.name)) continue;
    files.set(entry.name, unpackZipEntry(bytes, entry));
  }
  return files;
}

/**
 * One entry of a zip listed by {@link checkZip}, decompressed alone. The sizes come from the central directory (checked against the limits), so
 * an entry that would unpack to more than it declares is refused rather than allowed to grow.
 */
export function unpackZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (reason: string) =>
    new UnsafeZipError(
      `the archive cannot be unpacked: zip entry ${JSON.stringify(entry.name)} ${reason}`,
    );
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL_SIGNATURE)
    throw fail('has no local header where the central directory says');
  const start =
    entry.offset +
    30 +
    view.getUint16(entry.offset + 26, true) +
    view.getUint16(entry.offset + 28, true);
  if (start + entry.compressedBytes > bytes.length) throw fail('runs past the end of the archive');
  const data = bytes.subarray(start, start + entry.compressedBytes);
  let content: Uint8Array;
  try {
    content =
      entry.method === 0
        ? data.slice()
        : inflateRawSync(data, { maxOutputLength: Math.max(1, entry.bytes) });
  } catch (error) {
    throw fail(`cannot be decompressed (${errorMessage(error)})`);
  }
  if (content.length !== entry.bytes) {
    throw fail(`holds ${content.length} bytes where the central directory declares ${entry.bytes}`);
  }
  return content;
}
