// Writing a report (src/cli/options.ts, emit): to --output through one reused buffer, to
// stdout in copies, and in both cases the bytes as the formatter gave them, whatever the
// pieces are: text with characters of several bytes across the buffer's edge, pieces larger
// than the buffer, and views of a buffer its maker fills again once the next piece is asked
// for (as the verdict store gives a batch's JSON dossiers back, src/report/verdict-store.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { emit } from '../src/cli/options.js';
import type { Io } from '../src/cli/io.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-emit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each piece as the reader sees it: a string, or a view of one buffer overwritten after each yield. */
function* reusing(pieces: readonly (string | Buffer)[]): Generator<string | Buffer> {
  const shared = Buffer.alloc(Math.max(1, ...pieces.map((p) => (typeof p === 'string' ? 0 : p.length))));
  for (const p of pieces) {
    if (typeof p === 'string') {
      yield p;
      continue;
    }
    p.copy(shared);
    yield shared.subarray(0, p.length);
    shared.fill(0x58); // 'X': what the maker writes there next
  }
}

const expected = (pieces: readonly (string | Buffer)[]) => Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));

function stdoutIo(): { io: Io; written: () => Buffer } {
  const chunks: Buffer[] = [];
  const io = { cwd: dir, env: {}, stdout: { write: (s: string | Buffer) => void chunks.push(Buffer.from(s)) }, stderr: { write: () => undefined } } as unknown as Io;
  return { io, written: () => Buffer.concat(chunks) };
}

async function both(pieces: readonly (string | Buffer)[], name: string): Promise<{ file: Buffer; stdout: Buffer }> {
  const out = stdoutIo();
  await emit(reusing(pieces), name, out.io);
  const toFile = readFileSync(join(dir, name));
  const std = stdoutIo();
  await emit(reusing(pieces), undefined, std.io);
  expect(out.written().length).toBe(0);
  return { file: toFile, stdout: std.written() };
}

describe('emit', () => {
  it('writes views of a reused buffer, large pieces and text with several-byte characters byte for byte', async () => {
    const dossier = (i: number) => Buffer.from(`{"path": "dossiers/d${i}", "état": "complet", "n": ${i}}`.repeat(60), 'utf8');
    const pieces: (string | Buffer)[] = ['[\n'];
    for (let i = 0; i < 400; i++) pieces.push(i === 0 ? '' : ',\n', dossier(i), i % 50 === 0 ? 'é€𝄞'.repeat(1000 + i) : '');
    // Larger than the write buffer (256 KiB), as bytes and as text; and text whose characters
    // take 2, 3 and 4 bytes, so that some fall across the buffer's edge.
    pieces.push(',\n', Buffer.alloc(300 * 1024, 0x61), ',\n', 'é€𝄞'.repeat(40_000), '\n]\n');
    const { file, stdout } = await both(pieces, 'report.json');
    const want = expected(pieces);
    expect(file.length).toBe(want.length);
    expect(file.equals(want)).toBe(true);
    expect(stdout.equals(want)).toBe(true);
  });

  it('gives the formatter\'s bytes whatever the pieces (property)', async () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.uint8Array({ maxLength: 90_000 }).map((a) => Buffer.from(a)));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), async (pieces) => {
        const { file, stdout } = await both(pieces, 'property.out');
        const want = expected(pieces);
        return file.equals(want) && stdout.equals(want);
      }),
      { numRuns: 30 },
    );
  });
});
