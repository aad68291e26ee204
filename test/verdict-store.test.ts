// The store a run of many dossiers keeps its packed verdicts in (src/report/verdict-store.ts):
// a temporary file that is gone as soon as it is open, read back byte for byte, in memory for
// a few dossiers, and in memory again where the file cannot be had or written.
import { existsSync, openSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPILL_FROM_DOSSIERS, spilledTo, verdictStore, type VerdictStore } from '../src/report/verdict-store.js';

const openFiles = () =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });
const leftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith('dossier-verdicts-'));

/** Verdicts of varied sizes, one a tenth of a piece, one larger than a piece. */
const verdictsOf = (n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) => Buffer.alloc(i === 7 ? 100_000 : 200 + ((i * 997) % 6000), (i * 31) % 251));

function fill(store: VerdictStore, verdicts: readonly Buffer[], order: readonly number[]): void {
  for (const i of order) store.put(i, verdicts[i]!);
}

describe('verdict store', () => {
  it('reads back every verdict byte for byte, put in any order, from a file already unlinked', () => {
    const before = leftovers();
    const n = SPILL_FROM_DOSSIERS * 3;
    const verdicts = verdictsOf(n);
    const store = verdictStore(n);
    // Nothing of it in the temporary folder, even while it is in use: on Linux, the open file
    // shows as deleted.
    expect(leftovers()).toEqual(before);
    if (existsSync('/proc/self/fd')) expect(openFiles().some((l) => /dossier-verdicts-.*\/verdicts \(deleted\)$/.test(l))).toBe(true);
    const order = verdicts.map((_, i) => i).sort((a, b) => ((a * 7919) % n) - ((b * 7919) % n));
    fill(store, verdicts, order.slice(0, n - 5));
    for (const i of order.slice(0, n - 5)) expect(store.at(i)!.equals(verdicts[i]!)).toBe(true);
    for (const i of order.slice(n - 5)) {
      expect(store.has(i)).toBe(false);
      expect(store.at(i)).toBeUndefined();
    }
    fill(store, verdicts, order.slice(n - 5));
    for (let i = 0; i < n; i++) expect(store.at(i)!.equals(verdicts[i]!), `dossier ${i}`).toBe(true);
    // Read back from the file: copies, not the bytes given.
    expect(store.at(0)!.buffer).not.toBe(verdicts[0]!.buffer);
    expect(leftovers()).toEqual(before);
  });

  it('reads a batch back through one buffer, whose views last until the next read', () => {
    // 4 MB of verdicts, sixteen times the window: a fresh buffer per window was dead memory
    // outside the heap at the end of a batch, in proportion to its dossiers.
    const n = 1000;
    const verdicts = Array.from({ length: n }, (_, i) => Buffer.alloc(4000 + (i % 7) * 13, i % 251));
    const store = verdictStore(n);
    fill(store, verdicts, verdicts.map((_, i) => i));
    const buffers = new Set<ArrayBufferLike>();
    for (let i = 0; i < n; i++) {
      const bytes = store.at(i)!;
      expect(bytes.equals(verdicts[i]!), `dossier ${i}`).toBe(true);
      buffers.add(bytes.buffer);
    }
    // Every verdict read from the file comes through the one read buffer; the last few, not
    // written to the file yet, are small copies out of the write buffer.
    expect([...buffers].filter((b) => b.byteLength >= 64 * 1024)).toHaveLength(1);
  });

  it('keeps a few verdicts in memory', () => {
    const verdicts = verdictsOf(SPILL_FROM_DOSSIERS - 1);
    const store = verdictStore(verdicts.length);
    fill(store, verdicts, verdicts.map((_, i) => i));
    // In memory, the very bytes given are kept (no file, no copy).
    expect(store.at(3)!.buffer).toBe(verdicts[3]!.buffer);
  });

  it('never puts its file inside a dossier: the temporary folder inside one keeps the verdicts in memory', () => {
    const verdicts = verdictsOf(SPILL_FROM_DOSSIERS);
    const store = verdictStore(verdicts.length, { avoid: ['/nowhere', join(tmpdir(), '..')] });
    fill(store, verdicts, verdicts.map((_, i) => i));
    expect(store.at(5)!.buffer).toBe(verdicts[5]!.buffer);
  });

  it('keeps the verdicts in memory from the first write that fails (a full disk), losing none', (ctx) => {
    if (!existsSync('/dev/full')) ctx.skip();
    const verdicts = verdictsOf(SPILL_FROM_DOSSIERS * 2);
    // /dev/full refuses every write with ENOSPC.
    const store = spilledTo(openSync('/dev/full', 'r+'), verdicts.length);
    fill(store, verdicts, verdicts.map((_, i) => i));
    for (let i = 0; i < verdicts.length; i++) expect(store.at(i)!.equals(verdicts[i]!), `dossier ${i}`).toBe(true);
  });

  it('gives back what was put, whatever the sizes and order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 70_000 }), { minLength: SPILL_FROM_DOSSIERS, maxLength: SPILL_FROM_DOSSIERS + 20 }), (arrays) => {
        const store = verdictStore(arrays.length);
        for (let i = arrays.length - 1; i >= 0; i--) store.put(i, arrays[i]!);
        return arrays.every((a, i) => Buffer.from(a).equals(store.at(i)!));
      }),
      { numRuns: 25 },
    );
  });
});
