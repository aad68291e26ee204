#!/usr/bin/env node
// npm run corpus -- <folder> [--timeout <s>] [--jobs <n>] [--json]
//
// Run the built inspector over every PDF under <folder> (a public corpus of real-world PDFs,
// or the hostile one the tests write) and, where pdfinfo (poppler) and qpdf are installed,
// compare page counts with theirs: how often they agree, and every disagreement, crash and
// timeout, by name. Nothing under <folder> is written.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInspector } from '../dist/pdf/pool.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    timeout: { type: 'string', default: '10' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || positionals.length !== 1) {
  process.stderr.write('usage: npm run corpus -- <folder> [--timeout <seconds>] [--jobs <n>] [--json]\n');
  process.exit(values.help ? 0 : 2);
}
const root = resolve(positionals[0]);
const timeoutMs = Math.round(Number(values.timeout) * 1000);
const jobs = Math.max(1, Number(values.jobs) || 1);

/** Every *.pdf under root, links not followed, in a stable order. */
async function pdfsUnder(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await pdfsUnder(path)));
    else if (e.isFile() && /\.pdf$/i.test(e.name)) out.push(path);
  }
  return out.sort();
}

/** Run a command: its stdout when it succeeds, else null; `timedOut` when it ran out of time. */
function capture(cmd, args, ms) {
  return new Promise((done) => {
    let out = '';
    const t = Date.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'], timeout: ms, killSignal: 'SIGKILL' });
    child.stdout.on('data', (d) => (out += d));
    child.on('error', () => done({ out: null, timedOut: false }));
    // qpdf exits 3 when it succeeded with warnings.
    child.on('close', (code, signal) =>
      done({ out: code === 0 || (cmd === 'qpdf' && code === 3) ? out : null, timedOut: signal !== null && Date.now() - t >= ms }),
    );
  });
}

/** Is `cmd` installed? (It runs at all; pdfinfo -v exits 0 or 99 depending on its version.) */
const probe = (cmd, args) =>
  new Promise((done) => {
    const child = spawn(cmd, args, { stdio: 'ignore' });
    child.on('error', () => done(false));
    child.on('close', () => done(true));
  });
const tools = { pdfinfo: await probe('pdfinfo', ['-v']), qpdf: await probe('qpdf', ['--version']) };

/** Pages by another reader, given the same time limit: a number, 'fails' or 'timeout'. */
const pagesBy = {
  pdfinfo: async (file) => {
    const { out, timedOut } = await capture('pdfinfo', [file], timeoutMs);
    const m = out && /^Pages:\s+(\d+)/m.exec(out);
    return m ? Number(m[1]) : timedOut ? 'timeout' : 'fails';
  },
  qpdf: async (file) => {
    const { out, timedOut } = await capture('qpdf', ['--show-npages', file], timeoutMs);
    const n = out === null ? NaN : Number(out.trim().split('\n').pop());
    return Number.isInteger(n) && n >= 0 ? n : timedOut ? 'timeout' : 'fails';
  },
};

const files = await pdfsUnder(root);
const inspector = createInspector({ concurrency: jobs });
const limits = { maxSizeBytes: 512 * 1024 * 1024, fileTimeoutMs: timeoutMs };
const rows = [];
let next = 0;
const started = Date.now();
async function lane() {
  while (next < files.length) {
    const file = files[next++];
    const t = Date.now();
    const r = await inspector.inspect(file, limits);
    const ms = Date.now() - t;
    const row = {
      file: relative(root, file),
      ms,
      readable: r.readable,
      // Pages that load: 0 for an empty page tree, null when the file does not open.
      pages: r.pages,
      codes: r.problems.map((p) => (p.code === 'unreadable' ? `unreadable:${p.params.reason}` : p.code)),
    };
    for (const [tool, on] of Object.entries(tools)) if (on) row[tool] = await pagesBy[tool](file);
    rows.push(row);
  }
}
try {
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, lane));
} finally {
  await inspector.close();
}
rows.sort((a, b) => (a.file < b.file ? -1 : 1));

const crashes = rows.filter((r) => r.codes.includes('unreadable:crash'));
const timeouts = rows.filter((r) => r.codes.includes('timeout'));
const agreement = {};
const disagreements = [];
for (const tool of Object.keys(tools).filter((t) => tools[t])) {
  // Compared where either side has a number: one reading pages where the other reads none
  // is a disagreement too.
  const compared = rows.filter((r) => r.pages !== null || typeof r[tool] === 'number');
  const agree = compared.filter((r) => r.pages === r[tool]).length;
  agreement[tool] = { compared: compared.length, agree, rate: compared.length ? agree / compared.length : 1 };
}
for (const r of rows) if (Object.keys(agreement).some((tool) => (r.pages !== null || typeof r[tool] === 'number') && r.pages !== r[tool])) disagreements.push(r);

const summary = {
  folder: root,
  files: rows.length,
  seconds: (Date.now() - started) / 1000,
  readable: rows.filter((r) => r.readable).length,
  tools: Object.fromEntries(Object.entries(tools).map(([t, on]) => [t, on ? 'installed' : 'not installed'])),
  agreement,
  crashes: crashes.map((r) => r.file),
  timeouts: timeouts.map((r) => r.file),
  othersOutOfTime: Object.fromEntries(Object.keys(agreement).map((t) => [t, rows.filter((r) => r[t] === 'timeout').map((r) => r.file)])),
  disagreements,
};

if (values.json) process.stdout.write(JSON.stringify({ ...summary, rows }, null, 2) + '\n');
else {
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const verdict = (r) => [r.pages !== null ? `${r.pages} p.` : '', ...r.codes].filter(Boolean).join(' ');
  const lines = [
    `${rows.length} PDF files under ${root}, ${summary.seconds.toFixed(1)} s; readable by dossier: ${summary.readable}`,
    ...Object.entries(tools).map(([t, on]) =>
      on ? `page counts agreeing with ${t}: ${agreement[t].agree}/${agreement[t].compared} (${pct(agreement[t].rate)})` : `${t}: not installed, not compared`,
    ),
    `crashes: ${crashes.length}${crashes.length ? ` (${crashes.map((r) => r.file).join(', ')})` : ''}`,
    `timeouts (${timeoutMs / 1000} s): ${timeouts.length}${timeouts.length ? ` (${timeouts.map((r) => r.file).join(', ')})` : ''}`,
  ];
  for (const [t, late] of Object.entries(summary.othersOutOfTime))
    if (late.length) lines.push(`${t} out of time (${timeoutMs / 1000} s): ${late.length} (${late.join(', ')})`);
  if (disagreements.length) {
    lines.push('', `disagreements (${disagreements.length}):`);
    for (const r of disagreements)
      lines.push(`  ${JSON.stringify(r.file)}: dossier ${verdict(r)}${Object.keys(agreement).map((t) => ` · ${t} ${r[t]}`).join('')}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}
