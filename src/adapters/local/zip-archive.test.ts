import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseZipEntries, unpackZip, UnsafeZipError, ZIP_LIMITS } from './zip-archive.js';

const text = (s: string) => strToU8(s);

describe('unpackZip', () => {
  it('returns every file of a well-formed archive and drops directory entries', () => {
    const zip = zipSync({
      'record.json': text('{"kind":"x"}'),
      state: {},
      'state/dbt-run/target/run_results.json': text('{}'),
    });
    const files = unpackZip(zip);
    expect([...files.keys()].sort()).toEqual([
      'record.json',
      'state/dbt-run/target/run_results.json',
    ]);
    expect(new TextDecoder().decode(files.get('record.json'))).toBe('{"kind":"x"}');
  });

  it('accepts stored (uncompressed) entries', () => {
    const zip = zipSync({ 'a.txt': [text('hello'), { level: 0 }] });
    expect(new TextDecoder().decode(unpackZip(zip).get('a.txt'))).toBe('hello');
  });

  it.each([
    ['../evil.sh', 'is not a safe relative path'],
    ['state/../../evil', 'is not a safe relative path'],
    ['/etc/passwd', 'is not a safe relative path'],
    ['state\\..\\evil', 'is not a safe relative path'],
    ['C:/Windows/evil', 'is not a safe relative path'],
    ['./record.json', 'is not a safe relative path'],
    ['state//x', 'is not a safe relative path'],
  ])('rejects the entry %j (%s)', (name, problem) => {
    const zip = zipSync({ 'record.json': text('{}'), [name]: text('x') });
    expect(() => unpackZip(zip)).toThrow(UnsafeZipError);
    expect(() => unpackZip(zip)).toThrow(problem);
  });

  it('rejects symbolic link entries', () => {
    const zip = zipSync({ link: [text('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    expect(parseZipEntries(zip)[0]?.symlink).toBe(true);
    expect(() => unpackZip(zip)).toThrow('zip entry "link" is a symbolic link');
  });

  it('does not mistake a regular unix file for a link', () => {
    const zip = zipSync({ file: [text('x'), { os: 3, attrs: (0o100644 << 16) >>> 0 }] });
    expect(parseZipEntries(zip)[0]?.symlink).toBe(false);
    expect(unpackZip(zip).size).toBe(1);
  });

  it.each([
    [
      'an entry over the entry limit',
      { ...ZIP_LIMITS, maxEntryBytes: 10 },
      'is larger than 10 bytes',
    ],
    ['entries over the total limit', { ...ZIP_LIMITS, maxTotalBytes: 15 }, 'unpacks to 22 bytes'],
    ['too many entries', { ...ZIP_LIMITS, maxEntries: 1 }, 'the archive has 2 entries'],
    [
      'a zip over the archive limit',
      { ...ZIP_LIMITS, maxZipBytes: 50 },
      'the archive is larger than 50 bytes',
    ],
  ])('rejects %s', (_label, limits, message) => {
    const zip = zipSync({ a: text('0123456789a'), b: text('0123456789b') });
    expect(() => unpackZip(zip, limits)).toThrow(message);
  });

  it.each([
    ['bytes that are not a zip', text('this is not a zip archive at all, just text')],
    ['a truncated zip', zipSync({ a: text('x') }).subarray(0, 30)],
    ['an empty buffer', new Uint8Array()],
  ])('rejects %s with a clear error', (_label, bytes) => {
    expect(() => unpackZip(bytes)).toThrow(UnsafeZipError);
  });

  it('rejects a central directory that points outside the archive', () => {
    const zip = zipSync({ a: text('x') });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(zip.length - 22 + 16, zip.length + 100, true);
    expect(() => unpackZip(zip)).toThrow('malformed zip central directory');
  });

  it.each([
    ['compressed', 9],
    ['stored', 0],
  ])(
    'refuses a %s entry that holds more bytes than the central directory declares (a lying entry cannot grow)',
    (_label, level) => {
      const zip = zipSync({ a: [text('0123456789'.repeat(100)), { level: level as 0 | 9 }] });
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      const central = view.getUint32(zip.length - 22 + 16, true);
      view.setUint32(central + 24, 5, true);
      expect(() => unpackZip(zip)).toThrow(UnsafeZipError);
    },
  );

  it('refuses an entry whose data is not what its compression says', () => {
    const zip = zipSync({ a: text('0123456789'.repeat(100)) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const central = view.getUint32(zip.length - 22 + 16, true);
    const start = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    zip.fill(0xff, start, start + 8);
    expect(central).toBeGreaterThan(start);
    expect(() => unpackZip(zip)).toThrow('cannot be decompressed');
  });

  it('refuses a central directory entry that points at no local header', () => {
    const zip = zipSync({ a: text('x') });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const central = view.getUint32(zip.length - 22 + 16, true);
    view.setUint32(central + 42, 3, true);
    expect(() => unpackZip(zip)).toThrow('has no local header');
  });

  it('reads UTF-8 names, and others byte for byte', () => {
    const zip = zipSync({ 'état/ü.txt': text('x') });
    expect(parseZipEntries(zip)[0]?.name).toBe('état/ü.txt');
    expect(new TextDecoder().decode(unpackZip(zip).get('état/ü.txt'))).toBe('x');
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const central = view.getUint32(zip.length - 22 + 16, true);
    view.setUint16(central + 8, view.getUint16(central + 8, true) & ~0x800, true);
    expect(parseZipEntries(zip)[0]?.name).toBe('Ã©tat/Ã¼.txt');
  });
});
