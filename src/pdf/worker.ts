// Piscina worker: inspect one file. Everything here may be killed at any moment (timeout) or
// die (a hostile file exhausting the heap); the pool turns that into a finding.
import { open } from 'node:fs/promises';
import { finding } from '../findings.js';
import { analysePdf } from './analyse.js';
import { sniff } from './sniff.js';

export interface InspectTask {
  readonly path: string;
  readonly sizeBytes: number;
  readonly confirmPages: number;
}

export interface InspectResult {
  readonly pdf: boolean;
  readonly detectedType: string | null;
  readonly readable: boolean;
  readonly encrypted: boolean;
  readonly pages: number | null;
  readonly problems: ReturnType<typeof finding>[];
}

// pdf.js can reject internal promises after a document has loaded (seen on fuzzed files);
// by default that would kill this thread. The task in progress still gets its answer.
process.on('unhandledRejection', () => undefined);

export default async function inspect(task: InspectTask): Promise<InspectResult> {
  let bytes: Uint8Array;
  try {
    const handle = await open(task.path, 'r');
    try {
      // Read what stat promised, no more: a file growing under us cannot blow the limit.
      bytes = new Uint8Array(task.sizeBytes);
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesRead } = await handle.read(bytes, offset, bytes.length - offset, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
      }
      bytes = bytes.subarray(0, offset);
    } finally {
      await handle.close();
    }
  } catch (err) {
    const error = (err as NodeJS.ErrnoException).code ?? String(err);
    return { pdf: false, detectedType: null, readable: false, encrypted: false, pages: null, problems: [finding('unreadable-file', 'error', { error })] };
  }
  const kind = sniff(bytes.subarray(0, 4096));
  if (kind.type === null) return { pdf: false, detectedType: null, readable: false, encrypted: false, pages: null, problems: [finding('empty-file', 'error')] };
  if (!kind.pdf)
    return {
      pdf: false,
      detectedType: kind.type,
      readable: false,
      encrypted: false,
      pages: null,
      problems: [finding('not-pdf', 'error', { type: kind.type })],
    };
  const a = await analysePdf(bytes, task.confirmPages);
  return { pdf: true, detectedType: 'pdf', ...a };
}
