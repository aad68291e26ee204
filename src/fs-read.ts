// Reading a file someone else put there: a profile, a candidate.yaml, a PDF. Synchronous, as
// the callers want it (a worker that does nothing else; a main thread for which a promise round
// trip through libuv's pool cost as much as the call), and never more than fstat said.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Opens a regular file and hands `use` its descriptor and size, then closes it. O_NONBLOCK: a
 * FIFO put where a file was listed must not hang the thread forever; fstat then refuses
 * anything but a regular file, with the code EISDIR for a folder and ENOTFILE for the rest.
 */
export function withRegularFile<T>(path: string | Uint8Array, use: (fd: number, size: number) => T): T {
  const fd = openSync(fsPath(path), constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: st.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
    return use(fd, st.size);
  } finally {
    closeSync(fd);
  }
}

/** A path for fs: a string, or a name's bytes (a Buffer crosses to a worker as a Uint8Array). */
export const fsPath = (path: string | Uint8Array): string | Buffer =>
  typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);

/**
 * The file's first `length` bytes into `into`; how many there were (fewer when it shrank
 * meanwhile). A file growing under us cannot blow the limit: what lies past `length` is never read.
 */
export function readStart(fd: number, into: Uint8Array, length: number): number {
  return readRange(fd, into, 0, length);
}

/** Bytes [from, from + length) of the file into the same place of `into`; how many there were. */
export function readRange(fd: number, into: Uint8Array, from: number, length: number): number {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, into, from + got, length - got, from + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}
