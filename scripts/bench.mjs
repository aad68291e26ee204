#!/usr/bin/env node
// `npm run bench`: how fast and how lean is `dossier batch` at HR scale, measured against the
// obvious alternatives on the same files. One run:
//
//   1. generates N synthetic dossiers (real PDFs written by pdf-lib) under os.tmpdir();
//   2. times `dossier batch` (wall, CPU, dossiers/s, PDFs/s, peak RSS), with its content checks
//      and with `--no-content` (page counts only, like the two loops), a sequential `pdfinfo`
//      loop (one process per file) and a single-thread in-process pdf.js loop reading
//      numPages, and prints the ratios against the targets of the batch issue;
//   3. reruns the batch alone on 4×N dossiers to show how time and peak RSS grow.
//
//   npm run bench                            N = 1000, three rounds, with the 4×N rerun
//   npm run bench -- --quick                 N = 100, one round, no rerun (smoke test)
//   npm run bench -- --dossiers 500 --no-scale --json bench.json --keep
//
// Options: --dossiers N · --quick · --no-scale · --keep (leave the temp folder) ·
// --json <file> (write the figures) · --runs <k> (k rounds of every contender, each keeping its
// fastest; 3 by default, 1 with --quick; the pdfinfo loop runs in the first only) · --content both|on|off (the batch measured with its content
// checks, with --no-content, or both: the default when the CLI has --no-content) ·
// --concurrency <n> (passed to `batch -j`) · --seed <n> ·
// --cli <bin> (measure another build of the CLI instead of bin/dossier.js, for A/B comparisons).
//
// Peak RSS is the child's VmHWM from /proc/<pid>/status, polled every 20 ms (Linux only;
// elsewhere it is reported as n/a). Worker threads share the process, so VmHWM covers them.
// CPU is the child's user + system time (its processes included), from this process's
// cutime/cstime in /proc/self/stat: it tells work from waiting when the machine is busy.
// Every PDF is in the page cache when measured (it was just written): the figures are CPU
// cost, not disk speed, for all three contenders alike.
//
// This file also serves as the pdf.js contender's child process (`--child-pdfjs <list>`): so
// its top-level imports are node built-ins only, and pdf-lib is loaded only to generate.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pngFromScanlines } from './lib/png.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Child mode: the single-thread pdf.js contender. Reads numPages of every file in the list,
// sequentially, on the main thread, and prints one JSON line.
// ---------------------------------------------------------------------------------------------

if (process.argv[2] === '--child-pdfjs') {
  const files = readFileSync(process.argv[3], 'utf8').split('\n').filter(Boolean);
  const t0 = performance.now();
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const tLoaded = performance.now();
  let pages = 0;
  let errors = 0;
  let firstError;
  for (const f of files) {
    let task;
    try {
      task = getDocument({ data: new Uint8Array(readFileSync(f)), isEvalSupported: false, verbosity: 0, disableFontFace: true, useSystemFonts: false });
      const doc = await task.promise;
      pages += doc.numPages;
    } catch (err) {
      errors++;
      firstError ??= `${f}: ${err?.message ?? err}`;
    } finally {
      await task?.destroy();
    }
  }
  const tEnd = performance.now();
  process.stdout.write(JSON.stringify({ files: files.length, pages, errors, firstError, loadMs: tLoaded - t0, loopMs: tEnd - tLoaded }) + '\n');
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { content: 'both', dossiers: 1000, scale: true, keep: false, json: undefined, concurrency: undefined, seed: 20260221, quick: false, runs: undefined, cli: join(ROOT, 'bin', 'dossier.js'), generateOnly: undefined };
  const need = (i, name) => {
    if (i >= argv.length) usage(`${name} needs a value`);
    return argv[i];
  };
  const int = (v, name, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) usage(`${name}: '${v}' should be a whole number ≥ ${min}`);
    return n;
  };
  let dossiersGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dossiers' || a === '-n') { o.dossiers = int(need(++i, a), a, 1); dossiersGiven = true; }
    else if (a === '--quick') o.quick = true;
    else if (a === '--no-scale') o.scale = false;
    else if (a === '--keep') o.keep = true;
    else if (a === '--json') o.json = resolve(need(++i, a));
    else if (a === '--concurrency' || a === '-j') o.concurrency = int(need(++i, a), a, 1);
    else if (a === '--seed') o.seed = int(need(++i, a), a, 0);
    else if (a === '--runs') o.runs = int(need(++i, a), a, 1);
    else if (a === '--content') {
      o.content = need(++i, a);
      if (!['both', 'on', 'off'].includes(o.content)) usage(`--content: '${o.content}' should be both, on or off`);
    }
    else if (a === '--cli') o.cli = resolve(need(++i, a)); // another build of the CLI, for A/B comparisons
    else if (a === '--generate-only') o.generateOnly = resolve(need(++i, a)); // writes the dossiers there, measures nothing
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown option '${a}'`);
  }
  if (o.quick) { if (!dossiersGiven) o.dossiers = 100; o.scale = false; }
  // Three rounds unless told: the speed target's margin is a tenth, and a shared machine's
  // speed drifts by more within a minute; one round could land on a slow spell of either side.
  o.runs ??= o.quick ? 1 : 3;
  return o;
}

function usage(error) {
  const text = 'usage: node scripts/bench.mjs [--dossiers N] [--quick] [--no-scale] [--keep] [--json <file>] [--runs <k>] [--content both|on|off] [--concurrency <n>] [--seed <n>] [--cli <bin>]';
  if (error) { process.stderr.write(`bench: ${error}\n${text}\n`); process.exit(2); }
  process.stdout.write(text + '\n');
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const mix = (...xs) => xs.reduce((h, x) => Math.imul(h ^ (x >>> 0), 0x9e3779b1) >>> 0, 0x811c9dc5);
const intIn = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];

// ---------------------------------------------------------------------------------------------
// Variant pools: ~30 distinct PDFs per kind, drawn once; dossiers get copies of their bytes.
// ---------------------------------------------------------------------------------------------

const POOL = 30;
const KINDS = ['form', 'cv', 'diploma', 'cni', 'plan'];

// The files of one dossier: file name → kind. Six PDFs: the bundled profile's documents as
// candidates name them, with two diplomas (the profile allows several).
const DOSSIER_FILES = [
  ['Formulaire F1.pdf', 'form'],
  ['CV.pdf', 'cv'],
  ['Diplome Master.pdf', 'diploma'],
  ['Diplome Licence.pdf', 'diploma'],
  ['CIN.pdf', 'cni'],
  ["Plan d'action.pdf", 'plan'],
];

const WORDS = (
  'coopération financière projet partenaires bailleurs programme formation professionnelle suivi budgétaire ' +
  'convention financement décaissement rapport évaluation pilotage stratégie développement service direction ' +
  'gestion indicateurs résultats audit conformité procédures marchés publics négociation accord don prêt ' +
  'appui technique renforcement capacités dialogue institutionnel reporting comité mission supervision ' +
  'engagement contrepartie nationale tableau de bord analyse risques planification annuelle trimestrielle ' +
  'mobilisation ressources extérieures Union européenne Banque mondiale Banque africaine AFD GIZ KfW ' +
  'insertion jeunes secteurs industriels compétences qualité efficacité transparence coordination équipe'
).split(/\s+/);
const FIRST = ['Salma', 'Youssef', 'Karim', 'Nadia', 'Omar', 'Hicham', 'Fatima', 'Amine', 'Imane', 'Rachid', 'Khadija', 'Mehdi', 'Sanaa', 'Othmane', 'Leila', 'Hamza', 'Zineb', 'Anas', 'Meryem', 'Driss'];
const LAST = ['Bennani', 'Alaoui', 'Idrissi', 'Cherkaoui', 'Tazi', 'Ouazzani', 'El Amrani', 'Berrada', 'Lahlou', 'Fassi', 'Benjelloun', 'Chraibi', 'Kettani', 'Sqalli', 'Naciri', 'Bouzidi', 'Ziani', 'Mansouri', 'Haddad', 'Rami'];

function sentence(rnd, min = 8, max = 20) {
  const n = intIn(rnd, min, max);
  const w = Array.from({ length: n }, () => pick(rnd, WORDS));
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
}

function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

async function loadPdfLib() {
  return import('pdf-lib');
}

const FIXED_DATE = new Date('2026-02-01T09:00:00Z');

async function newDoc(lib, title) {
  const doc = await lib.PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer('dossier bench (pdf-lib)');
  doc.setCreator('scripts/bench.mjs');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return doc;
}

async function fonts(lib, doc) {
  return { regular: await doc.embedFont(lib.StandardFonts.Helvetica), bold: await doc.embedFont(lib.StandardFonts.HelveticaBold) };
}

const A4 = [595.28, 841.89];

/** A page of running text: a bold heading, then paragraphs down to the bottom margin. */
function textPage(lib, doc, f, rnd, heading) {
  const page = doc.addPage(A4);
  const ink = lib.rgb(0.1, 0.1, 0.12);
  page.drawText(heading, { x: 50, y: 790, size: 15, font: f.bold, color: ink });
  page.setFont(f.regular);
  let y = 760;
  while (y > 60) {
    for (const line of wrap(sentence(rnd, 20, 60), 92)) {
      if (y <= 60) break;
      page.drawText(line, { x: 50, y, size: 10, color: ink });
      y -= 13;
    }
    y -= 7;
  }
  return page;
}

async function makeForm(lib, rnd, k) {
  const doc = await newDoc(lib, `Formulaire de candidature F1 (${k})`);
  const f = await fonts(lib, doc);
  const page = doc.addPage(A4);
  const ink = lib.rgb(0.1, 0.1, 0.12);
  page.drawText('OFPPT - Formulaire de candidature F1 (candidats externes)', { x: 50, y: 790, size: 13, font: f.bold, color: ink });
  page.setFont(f.regular);
  const fields = ['Nom', 'Prénom', 'Date de naissance', 'Lieu de naissance', 'N° CIN', 'Adresse', 'Téléphone', 'Courriel', 'Diplôme', 'Établissement', 'Année', 'Expérience (années)', 'Employeur actuel', 'Fonction actuelle', 'Langues'];
  let y = 750;
  for (const label of fields) {
    page.drawRectangle({ x: 48, y: y - 6, width: 500, height: 22, borderColor: lib.rgb(0.6, 0.6, 0.65), borderWidth: 0.7 });
    page.drawText(`${label} :`, { x: 54, y, size: 10, color: ink });
    page.drawText(label === 'Nom' ? pick(rnd, LAST).toUpperCase() : label === 'Prénom' ? pick(rnd, FIRST) : sentence(rnd, 2, 5), { x: 200, y, size: 10, color: ink });
    y -= 30;
  }
  for (const line of wrap(`Je soussigné(e) certifie l'exactitude des renseignements ci-dessus. ${sentence(rnd, 15, 30)}`, 95)) {
    page.drawText(line, { x: 50, y, size: 9, color: ink });
    y -= 12;
  }
  page.drawText(`Fait à Rabat, le ${intIn(rnd, 1, 20)} février 2026 - Signature`, { x: 300, y: 80, size: 10, color: ink });
  return doc.save({ useObjectStreams: k % 3 !== 0 });
}

async function makeCv(lib, rnd, k) {
  const pages = intIn(rnd, 5, 15);
  const doc = await newDoc(lib, `Curriculum vitae (${k})`);
  const f = await fonts(lib, doc);
  const name = `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`;
  const sections = ['Profil', 'Expérience professionnelle', 'Formation', 'Compétences', 'Missions et projets', 'Publications', 'Langues', 'Références'];
  for (let p = 0; p < pages; p++) textPage(lib, doc, f, rnd, p === 0 ? `Curriculum vitae - ${name}` : `${sections[p % sections.length]} (suite ${p + 1}/${pages})`);
  return doc.save({ useObjectStreams: k % 3 !== 1 });
}

async function makeDiploma(lib, rnd, k) {
  const doc = await newDoc(lib, `Diplôme (${k})`);
  const f = await fonts(lib, doc);
  const page = doc.addPage([A4[1], A4[0]]);
  const ink = lib.rgb(0.1, 0.1, 0.12);
  page.drawRectangle({ x: 25, y: 25, width: A4[1] - 50, height: A4[0] - 50, borderColor: lib.rgb(0.05, 0.3, 0.45), borderWidth: 4 });
  page.drawText('ROYAUME DU MAROC', { x: 330, y: 520, size: 16, font: f.bold, color: ink });
  page.drawText(pick(rnd, ['Diplôme de Master', 'Diplôme de Licence', 'Master Spécialisé', 'Doctorat']), { x: 320, y: 470, size: 24, font: f.bold, color: ink });
  page.setFont(f.regular);
  let y = 420;
  for (const line of wrap(`Décerné à ${pick(rnd, FIRST)} ${pick(rnd, LAST)}. ${sentence(rnd, 30, 60)} ${sentence(rnd, 30, 60)}`, 110)) {
    page.drawText(line, { x: 80, y, size: 12, color: ink });
    y -= 18;
  }
  page.drawText(`Session ${intIn(rnd, 2005, 2022)} - mention ${pick(rnd, ['Passable', 'Assez bien', 'Bien', 'Très bien'])}`, { x: 80, y: 90, size: 12, color: ink });
  return doc.save({ useObjectStreams: k % 3 !== 2 });
}

/** A noisy RGB PNG of about `bytes` bytes once deflated (noise does not compress). */
function noisyPng(rnd, bytes) {
  const width = 640;
  const height = Math.max(16, Math.round(bytes / 3 / width));
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  const base = [intIn(rnd, 170, 230), intIn(rnd, 170, 230), intIn(rnd, 170, 230)];
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const i = y * stride + 1 + x * 3;
      const r = (rnd() * 4294967296) >>> 0;
      // Scanner noise: ±~25 around a card tint, with a darker band as if a photo were there.
      const dark = x > 40 && x < 200 && y > height * 0.2 && y < height * 0.75 ? 90 : 0;
      raw[i] = Math.max(0, base[0] - dark + (r & 63) - 32);
      raw[i + 1] = Math.max(0, base[1] - dark + ((r >>> 6) & 63) - 32);
      raw[i + 2] = Math.max(0, base[2] - dark + ((r >>> 12) & 63) - 32);
    }
  }
  return pngFromScanlines(width, height, raw, 1);
}

async function makeCni(lib, rnd, k) {
  // Six bits of noise per channel deflate to ~0.84 of raw: aim the raw size so the PDF lands
  // between 200 and 500 KB, spread evenly over the pool.
  const target = 205_000 + Math.round((k / (POOL - 1)) * 285_000);
  const doc = await newDoc(lib, `CIN recto-verso (${k})`);
  const image = await doc.embedPng(noisyPng(rnd, target / 0.84));
  const page = doc.addPage(A4);
  const w = A4[0] - 80;
  const h = (w * image.height) / image.width;
  page.drawImage(image, { x: 40, y: A4[1] - 40 - Math.min(h, A4[1] - 80), width: w, height: Math.min(h, A4[1] - 80) });
  return doc.save({ useObjectStreams: k % 2 === 0 });
}

async function makePlan(lib, rnd, k) {
  const pages = intIn(rnd, 2, 4);
  const doc = await newDoc(lib, `Plan d'action (${k})`);
  const f = await fonts(lib, doc);
  for (let p = 0; p < pages; p++) {
    const page = textPage(lib, doc, f, rnd, p === 0 ? "Proposition de plan d'action du service" : `Axe ${p + 1} : ${sentence(rnd, 3, 6)}`);
    // A small table frame per page, as action plans have.
    for (let r = 0; r < 4; r++) page.drawRectangle({ x: 50, y: 70 + r * 18, width: 495, height: 18, borderColor: lib.rgb(0.5, 0.5, 0.55), borderWidth: 0.5 });
  }
  return doc.save({ useObjectStreams: k % 3 === 0 });
}

const MAKERS = { form: makeForm, cv: makeCv, diploma: makeDiploma, cni: makeCni, plan: makePlan };
const KIND_SALT = { form: 1, cv: 2, diploma: 3, cni: 4, plan: 5 };

/** Builds the pools: { kind: [{ bytes, pages }] }. */
async function buildPools(seed) {
  const lib = await loadPdfLib();
  const pools = {};
  for (const kind of KINDS) {
    pools[kind] = [];
    for (let k = 0; k < POOL; k++) {
      const rnd = mulberry32(mix(seed, KIND_SALT[kind], k));
      const bytes = Buffer.from(await MAKERS[kind](lib, rnd, k));
      const pages = (await lib.PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
      pools[kind].push({ bytes, pages });
    }
  }
  return pools;
}

function candidateYaml(rnd, i) {
  const first = pick(rnd, FIRST);
  const last = pick(rnd, LAST);
  const year = intIn(rnd, 1983, 2000);
  const month = String(intIn(rnd, 1, 12)).padStart(2, '0');
  const day = String(intIn(rnd, 1, 28)).padStart(2, '0');
  const langs = rnd() < 0.8 ? '[ar, fr, en]' : '[ar, fr, en, es]';
  return [
    `# synthetic candidate ${i + 1} (scripts/bench.mjs)`,
    'applicantType: external',
    `fullName: ${first} ${last}`,
    `birthDate: ${year}-${month}-${day}`,
    'nationality: MA',
    `diplomaLevel: ${rnd() < 0.85 ? 'master' : 'doctorat'}`,
    'diplomaForeign: false',
    `experienceYears: ${intIn(rnd, 4, 20)}`,
    `languages: ${langs}`,
    `submittedAt: 2026-02-${String(intIn(rnd, 1, 20)).padStart(2, '0')}T${String(intIn(rnd, 8, 19)).padStart(2, '0')}:${String(intIn(rnd, 0, 59)).padStart(2, '0')}:00`,
    '',
  ].join('\n');
}

/**
 * Writes dossiers [from, to) under root; returns { files: [path], pages, bytes } for them.
 * A dossier's content depends only on (seed, index): growing N keeps the first dossiers as they were.
 */
function writeDossiers(root, pools, seed, from, to) {
  const files = [];
  let pages = 0;
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const rnd = mulberry32(mix(seed, 0xd055, i));
    const dir = join(root, `d${String(i + 1).padStart(6, '0')}`);
    mkdirSync(dir, { recursive: true });
    // Two files of one kind (the diplomas) never share a variant: identical bytes would be
    // a real duplicate-file finding, not what a benchmark dossier should contain.
    const used = new Set();
    for (const [name, kind] of DOSSIER_FILES) {
      let k = Math.floor(rnd() * pools[kind].length);
      while (used.has(`${kind}:${k}`)) k = (k + 1) % pools[kind].length;
      used.add(`${kind}:${k}`);
      const v = pools[kind][k];
      const path = join(dir, name);
      writeFileSync(path, v.bytes);
      files.push(path);
      pages += v.pages;
      bytes += v.bytes.length;
    }
    writeFileSync(join(dir, 'candidate.yaml'), candidateYaml(rnd, i));
  }
  return { files, pages, bytes };
}

// ---------------------------------------------------------------------------------------------
// Measuring a child process
// ---------------------------------------------------------------------------------------------

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU seconds used by this process's reaped children so far (Linux), in ms. */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, cutime 16 and cstime 17 (1-based, man 5 proc).
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

function vmHwmKb(pid) {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a command, polling its peak RSS every 20 ms; resolves { wallMs, cpuMs, peakRssKb, code, stdout, stderr }. */
function measure(cmd, args, { cwd = ROOT, input } = {}) {
  return new Promise((resolvePromise, reject) => {
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let peak;
    const poll = () => {
      const kb = vmHwmKb(child.pid);
      if (kb !== undefined && (peak === undefined || kb > peak)) peak = kb;
    };
    const timer = setInterval(poll, 20);
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    if (input !== undefined) child.stdin.end(input);
    child.on('error', (e) => { clearInterval(timer); reject(e); });
    child.on('exit', (code, signal) => {
      const wallMs = performance.now() - t0;
      clearInterval(timer);
      const cpu1 = childrenCpuMs();
      const cpuMs = cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0;
      child.on('close', () =>
        resolvePromise({ wallMs, cpuMs, peakRssKb: peak, code: code ?? signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
      );
    });
    poll();
  });
}

/** Runs `fn` k times; keeps the fastest run, with the highest peak RSS seen over all runs. */
async function bestOf(k, fn) {
  const all = [];
  for (let i = 0; i < k; i++) all.push(await fn());
  return fastest(all);
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The fastest of some runs, with the highest peak RSS seen over all of them. */
function fastest(all) {
  let best;
  let peak;
  for (const r of all) {
    if (r.peakRssKb !== undefined) peak = Math.max(peak ?? 0, r.peakRssKb);
    if (!best || r.wallMs < best.wallMs) best = r;
  }
  return { ...best, peakRssKb: peak };
}

/**
 * The batch variants to measure: the default (every check) and, when the CLI has it,
 * `--no-content` (names and page counts only: the same work as the two loops it is compared with).
 */
function batchVariants(opt) {
  const help = spawnSync(process.execPath, [opt.cli, 'batch', '--help'], { cwd: ROOT, encoding: 'utf8' });
  const hasNoContent = /--no-content\b/.test(help.stdout ?? '');
  const all = [{ key: 'default', label: 'dossier batch', short: 'batch', args: [] }];
  if (hasNoContent) all.push({ key: 'noContent', label: 'dossier batch --no-content', short: 'batch --no-content', args: ['--no-content'] });
  if (opt.content === 'on') return all.slice(0, 1);
  if (opt.content === 'off') {
    if (!hasNoContent) throw new Error(`--content off: ${opt.cli} has no --no-content option`);
    return all.slice(1);
  }
  return all;
}

async function runBatch(root, reportFile, n, opt, extra = []) {
  const args = [opt.cli, 'batch', root, '--format', 'json', '--output', reportFile, ...extra];
  if (opt.concurrency) args.push('--concurrency', String(opt.concurrency));
  const r = await measure(process.execPath, args);
  if (r.code !== 0 && r.code !== 1) throw new Error(`dossier batch exited ${r.code}\n${r.stderr.slice(0, 2000)}`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  if (report.summary?.dossiers !== n || report.dossiers?.length !== n)
    throw new Error(`dossier batch: the report counts ${report.summary?.dossiers} dossiers, expected ${n}`);
  let pages = 0;
  let okDocs = 0;
  const codes = new Map();
  for (const d of report.dossiers)
    for (const doc of d.documents) {
      if (typeof doc.pages === 'number') pages += doc.pages;
      if (doc.status === 'ok') okDocs++;
      for (const p of doc.problems ?? []) codes.set(p.code, (codes.get(p.code) ?? 0) + 1);
    }
  rmSync(reportFile, { force: true });
  return { wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssKb: r.peakRssKb, exit: r.code, accepted: report.summary.accepted, pages, okDocs, problemCodes: Object.fromEntries(codes) };
}

async function runPdfinfoLoop(listFile) {
  // The cheapest honest loop: one shell, one pdfinfo process per file, in sequence.
  const r = await measure('sh', ['-c', 'while IFS= read -r f; do pdfinfo "$f" || echo "BENCH-FAILED"; done < "$1"', 'sh', listFile]);
  let pages = 0;
  let files = 0;
  for (const m of r.stdout.matchAll(/^Pages:\s+(\d+)/gm)) { pages += Number(m[1]); files++; }
  const failed = (r.stdout.match(/^BENCH-FAILED$/gm) ?? []).length;
  return { wallMs: r.wallMs, cpuMs: r.cpuMs, files, pages, failed };
}

async function runPdfjsLoop(listFile) {
  const r = await measure(process.execPath, [SELF, '--child-pdfjs', listFile]);
  if (r.code !== 0) throw new Error(`pdf.js loop exited ${r.code}\n${r.stderr.slice(0, 2000)}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  return { wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssKb: r.peakRssKb, ...out };
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

const fmtS = (ms) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const fmtMb = (kb) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const fmtRate = (n, ms) => (ms === undefined ? 'n/a' : (n / (ms / 1000)).toFixed(1));
const fmtX = (x) => (x === undefined ? 'n/a' : `${x.toFixed(2)}×`);

function table(rows, align) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (align?.[c] === 'l' ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const opt = parseArgs(process.argv.slice(2));

  if (opt.generateOnly) {
    const t0 = performance.now();
    const pools = await buildPools(opt.seed);
    const g = writeDossiers(opt.generateOnly, pools, opt.seed, 0, opt.dossiers);
    console.log(`wrote ${opt.dossiers} dossiers (${g.files.length} PDFs, ${g.pages} pages, ${(g.bytes / 1e6).toFixed(1)} MB) to ${opt.generateOnly} in ${fmtS(performance.now() - t0)}`);
    return;
  }

  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
  const git = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' });
  const revision = git.status === 0 ? git.stdout.trim() : undefined;
  console.log('dossier bench');
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM, Node ${machine.node}, ${machine.platform}`);
  if (revision) console.log(`dossier: ${revision}${opt.cli === join(ROOT, 'bin', 'dossier.js') ? '' : ` (measuring ${opt.cli})`}`);
  if (!existsSync('/proc/self/status')) console.log('note: no /proc here: peak RSS cannot be measured and is shown as n/a');

  const dist = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first (\`npm run bench\` does)`);

  const N = opt.dossiers;
  const tmp = mkdtempSync(join(os.tmpdir(), 'dossier-bench-'));
  const root = join(tmp, 'dossiers');
  const reportFile = join(tmp, 'report.json');
  mkdirSync(root);
  const cleanup = () => {
    if (opt.keep) console.log(`\nkept: ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  };
  process.once('SIGINT', () => { cleanup(); process.exit(130); });

  try {
    // 1. Generate.
    let t = performance.now();
    const pools = await buildPools(opt.seed);
    const poolMs = performance.now() - t;
    t = performance.now();
    const gen = writeDossiers(root, pools, opt.seed, 0, N);
    const writeMs = performance.now() - t;
    const cniSizes = pools.cni.map((v) => v.bytes.length);
    console.log(
      `generated: ${N} dossiers, ${gen.files.length} PDFs, ${gen.pages} pages, ${(gen.bytes / 1e6).toFixed(0)} MB ` +
        `(pools of ${POOL} variants per kind in ${fmtS(poolMs)}, files written in ${fmtS(writeMs)}; not measured below)`,
    );
    console.log(
      `per dossier: ${DOSSIER_FILES.map(([n]) => n).join(', ')}, candidate.yaml; ` +
        `CIN scans ${Math.round(Math.min(...cniSizes) / 1000)}–${Math.round(Math.max(...cniSizes) / 1000)} KB, ` +
        `CVs ${Math.min(...pools.cv.map((v) => v.pages))}–${Math.max(...pools.cv.map((v) => v.pages))} pages`,
    );
    console.log(`folder: ${root}\n`);
    const listFile = join(tmp, 'pdfs.txt');
    writeFileSync(listFile, gen.files.join('\n') + '\n');

    // 2. Measure. Each contender reads the same files, all warm in the page cache.
    const loadBefore = os.loadavg()[0];
    if (loadBefore > machine.cores / 2)
      console.log(`note: the machine is busy (load average ${loadBefore.toFixed(2)} on ${machine.cores} cores): wall times will be noisy; compare CPU${opt.runs < 3 ? ', or use --runs 3' : ''}`);
    const variants = batchVariants(opt);
    const files = gen.files.length;
    const hasPdfinfo = spawnSync('sh', ['-c', 'command -v pdfinfo'], { stdio: 'ignore' }).status === 0;
    if (!hasPdfinfo) console.log('pdfinfo loop: skipped, pdfinfo not found (install poppler-utils to compare)');
    // With --runs k, k rounds of every contender, one after the other, rather than k runs of one
    // contender then k of the next: on a shared machine whose speed drifts over minutes, a slow
    // spell then falls on every contender of a round, not on one contender's every run. Each
    // keeps its fastest run; the ratio of each round is printed too, and their median. The
    // pdf.js loop runs right after the batch, the pdfinfo loop (a minute, against a target
    // met many times over) last, in the first round only: the two whose ratio is close run as
    // close in time as can be.
    const runs = { pdfjs: [], pdfinfo: [] };
    for (const v of variants) runs[v.key] = [];
    for (let round = 1; round <= opt.runs; round++) {
      const tag = opt.runs > 1 ? ` (round ${round}/${opt.runs})` : '';
      for (const v of variants) {
        process.stdout.write(`running ${v.label}${tag}… `);
        runs[v.key].push(await runBatch(root, reportFile, N, opt, v.args));
        console.log(fmtS(runs[v.key].at(-1).wallMs));
      }
      process.stdout.write(`running a single-thread pdf.js loop${tag}… `);
      runs.pdfjs.push(await runPdfjsLoop(listFile));
      console.log(fmtS(runs.pdfjs.at(-1).wallMs));
      if (opt.runs > 1)
        console.log(`  round ${round}: ` + variants.map((v) => `${v.short} ${fmtX(runs.pdfjs.at(-1).wallMs / runs[v.key].at(-1).wallMs)} the pdf.js loop`).join(', '));
      // Once: a minute a run, against a target it is met by more than twice over.
      if (hasPdfinfo && round === 1) {
        process.stdout.write(`running a pdfinfo loop over ${files} files… `);
        runs.pdfinfo.push(await runPdfinfoLoop(listFile));
        console.log(fmtS(runs.pdfinfo.at(-1).wallMs));
      }
    }
    const measured = new Map(variants.map((v) => [v.key, fastest(runs[v.key])]));
    const pdfinfo = hasPdfinfo ? fastest(runs.pdfinfo) : undefined;
    const pdfjs = fastest(runs.pdfjs);

    const jobs = `-j ${opt.concurrency ?? machine.cores}`;
    const rows = [
      ['', 'wall', 'CPU', 'dossiers/s', 'PDFs/s', 'peak RSS', 'pages read'],
      ...variants.map((v) => {
        const b = measured.get(v.key);
        return [`${v.label} (${jobs})`, fmtS(b.wallMs), fmtS(b.cpuMs), fmtRate(N, b.wallMs), fmtRate(files, b.wallMs), fmtMb(b.peakRssKb), b.pages];
      }),
      pdfinfo
        ? ['pdfinfo loop (1 process per file)', fmtS(pdfinfo.wallMs), fmtS(pdfinfo.cpuMs), fmtRate(N, pdfinfo.wallMs), fmtRate(files, pdfinfo.wallMs), 'n/a', pdfinfo.pages]
        : ['pdfinfo loop', 'skipped', '', '', '', '', ''],
      ['pdf.js loop (1 thread, numPages)', fmtS(pdfjs.wallMs), fmtS(pdfjs.cpuMs), fmtRate(N, pdfjs.wallMs), fmtRate(files, pdfjs.wallMs), fmtMb(pdfjs.peakRssKb), pdfjs.pages],
    ];
    console.log(`\n${N} dossiers, ${files} PDFs, ${gen.pages} pages${opt.runs > 1 ? ` (fastest of ${opt.runs} runs each; peak RSS: highest)` : ''}\n`);
    console.log(table(rows, ['l']));

    // Sanity: every contender must have read every page of every file, and the batch must
    // find every dossier complete (the generator writes nothing wrong on purpose).
    const sanity = [];
    for (const v of variants) {
      const b = measured.get(v.key);
      if (b.pages !== gen.pages) sanity.push(`${v.label} counted ${b.pages} pages, ${gen.pages} were written`);
      if (b.okDocs !== N * 5) sanity.push(`${v.label} found ${b.okDocs} documents ok, expected ${N * 5}; problems: ${JSON.stringify(b.problemCodes)}`);
    }
    if (pdfinfo && (pdfinfo.pages !== gen.pages || pdfinfo.failed)) sanity.push(`pdfinfo read ${pdfinfo.pages} pages (${pdfinfo.failed} failures), ${gen.pages} were written`);
    if (pdfjs.pages !== gen.pages || pdfjs.errors) sanity.push(`pdf.js read ${pdfjs.pages} pages (${pdfjs.errors} errors${pdfjs.firstError ? `: ${pdfjs.firstError}` : ''}), ${gen.pages} were written`);
    for (const s of sanity) console.log(`warning: ${s}`);
    console.log(
      `pdf.js loop: ${fmtS(pdfjs.loadMs)} to load pdf.js, ${fmtS(pdfjs.loopMs)} in the loop; accepted: ` +
        variants.map((v) => `${measured.get(v.key).accepted}/${N} (${v.label})`).join(', '),
    );

    const mark = (ok) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
    // The speed targets are the issue's, for its 1,000 dossiers: on fewer, the batch's fixed
    // start-up (≈ 0.3 s: Node, the workers, the profile) outweighs the work, and a smoke test
    // (--quick) would print a MISS that says nothing about the batch.
    const speedJudged = N >= 1000;
    const judged = (pass) => (speedJudged ? pass : undefined);
    const ratios = {};
    const targets = [];
    for (const v of variants) {
      const b = measured.get(v.key);
      const vsPdfinfo = pdfinfo ? pdfinfo.wallMs / b.wallMs : undefined;
      const vsPdfjs = pdfjs.wallMs / b.wallMs;
      const byRound = runs.pdfjs.map((r, i) => r.wallMs / runs[v.key][i].wallMs);
      const roundsMedian = median(byRound);
      ratios[v.key] = { vsPdfinfo: vsPdfinfo ?? null, vsPdfjs, vsPdfjsByRound: byRound };
      targets.push(
        { name: `${v.short} vs pdfinfo loop`, value: vsPdfinfo, target: '≥ 8×', pass: vsPdfinfo === undefined ? undefined : judged(vsPdfinfo >= 8), shown: fmtX(vsPdfinfo) },
        { name: `${v.short} vs 1-thread pdf.js (${machine.cores} cores)`, value: vsPdfjs, target: machine.cores === 2 ? '≥ 1.6× on 2 cores' : '≥ 1.6× (set for 2 cores)', pass: judged(vsPdfjs >= 1.6), shown: fmtX(vsPdfjs) + (opt.runs > 1 ? ` (median of rounds ${fmtX(roundsMedian)})` : '') },
        { name: `${v.short} peak RSS`, value: b.peakRssKb, target: '< 300 MB', pass: b.peakRssKb === undefined ? undefined : b.peakRssKb < 300 * 1024, shown: fmtMb(b.peakRssKb) },
      );
    }

    // 3. The batch alone at 4×N: the first N dossiers stay, 3×N more are written.
    const scale = {};
    if (opt.scale) {
      t = performance.now();
      const more = writeDossiers(root, pools, opt.seed, N, 4 * N);
      console.log(`\ngenerated ${3 * N} more dossiers (${more.files.length} PDFs, ${(more.bytes / 1e6).toFixed(0)} MB) in ${fmtS(performance.now() - t)}`);
      const scaleRows = [['', 'dossiers', 'wall', 'CPU', 'dossiers/s', 'PDFs/s', 'peak RSS']];
      for (const v of variants) {
        const b = measured.get(v.key);
        process.stdout.write(`running ${v.label} on ${4 * N} dossiers… `);
        const big = await bestOf(opt.runs, () => runBatch(root, reportFile, 4 * N, opt, v.args));
        console.log(fmtS(big.wallMs));
        if (big.pages !== gen.pages + more.pages) console.log(`warning: ${v.label} counted ${big.pages} pages, ${gen.pages + more.pages} were written`);
        const rssGrowth = b.peakRssKb && big.peakRssKb ? big.peakRssKb / b.peakRssKb - 1 : undefined;
        scale[v.key] = { dossiers: 4 * N, wallMs: Math.round(big.wallMs), cpuMs: big.cpuMs, peakRssMB: big.peakRssKb && big.peakRssKb / 1024, timeRatio: big.wallMs / b.wallMs, rssGrowth: rssGrowth ?? null };
        scaleRows.push(
          [`${v.label}, N`, N, fmtS(b.wallMs), fmtS(b.cpuMs), fmtRate(N, b.wallMs), fmtRate(files, b.wallMs), fmtMb(b.peakRssKb)],
          [`${v.label}, 4×N`, 4 * N, fmtS(big.wallMs), fmtS(big.cpuMs), fmtRate(4 * N, big.wallMs), fmtRate(4 * files, big.wallMs), fmtMb(big.peakRssKb)],
          ['  growth', '×4', fmtX(big.wallMs / b.wallMs), b.cpuMs && big.cpuMs ? fmtX(big.cpuMs / b.cpuMs) : 'n/a', '', '', rssGrowth === undefined ? 'n/a' : `${rssGrowth >= 0 ? '+' : ''}${(rssGrowth * 100).toFixed(1)} %`],
        );
        targets.push(
          { name: `${v.short} peak RSS growth N → 4×N`, value: rssGrowth, target: '≤ +10 %', pass: rssGrowth === undefined ? undefined : rssGrowth <= 0.1, shown: rssGrowth === undefined ? 'n/a' : `${rssGrowth >= 0 ? '+' : ''}${(rssGrowth * 100).toFixed(1)} %` },
          { name: `${v.short} peak RSS at 4×N`, value: big.peakRssKb, target: '< 300 MB', pass: big.peakRssKb === undefined ? undefined : big.peakRssKb < 300 * 1024, shown: fmtMb(big.peakRssKb) },
        );
      }
      console.log('');
      console.log(table(scaleRows, ['l']));
    } else console.log('\n4×N rerun: skipped (--no-scale or --quick)');

    const loadAfter = os.loadavg()[0];
    console.log(`\nload average (1 min): ${loadBefore.toFixed(2)} before measuring, ${loadAfter.toFixed(2)} after`);
    console.log('\ntargets (issue 3)\n');
    console.log(table([['', 'measured', 'target', ''], ...targets.map((x) => [x.name, x.shown, x.target, mark(x.pass)])], ['l', 'r', 'l', 'l']));
    if (!speedJudged) console.log(`\nspeed targets: n/a at ${N} dossiers; they are set for 1,000 (the default), where the batch's fixed start-up (≈ 0.3 s) does not outweigh the work`);

    if (opt.json) {
      const rate = (b) => ({ dossiersPerS: N / (b.wallMs / 1000), pdfsPerS: files / (b.wallMs / 1000) });
      const figures = {
        machine,
        date: new Date().toISOString(),
        revision: revision ?? null,
        dossiers: N,
        pdfs: files,
        pages: gen.pages,
        megabytes: Number((gen.bytes / 1e6).toFixed(1)),
        concurrency: opt.concurrency ?? machine.cores,
        generation: { poolMs: Math.round(poolMs), writeMs: Math.round(writeMs) },
        runs: opt.runs,
        loadAverage: { before: Number(loadBefore.toFixed(2)), after: Number(loadAfter.toFixed(2)) },
        cli: opt.cli,
        batch: Object.fromEntries(
          variants.map((v) => {
            const b = measured.get(v.key);
            return [v.key, { args: v.args, wallMs: Math.round(b.wallMs), cpuMs: b.cpuMs, ...rate(b), peakRssMB: b.peakRssKb && b.peakRssKb / 1024, pages: b.pages, accepted: b.accepted }];
          }),
        ),
        pdfinfo: pdfinfo ? { wallMs: Math.round(pdfinfo.wallMs), cpuMs: pdfinfo.cpuMs, ...rate(pdfinfo), pages: pdfinfo.pages } : null,
        pdfjs: { wallMs: Math.round(pdfjs.wallMs), cpuMs: pdfjs.cpuMs, loadMs: Math.round(pdfjs.loadMs), loopMs: Math.round(pdfjs.loopMs), ...rate(pdfjs), peakRssMB: pdfjs.peakRssKb && pdfjs.peakRssKb / 1024, pages: pdfjs.pages },
        ratios,
        scale: opt.scale ? scale : null,
        targets: targets.map(({ name, target, pass, value }) => ({ name, target, value: value ?? null, pass: pass ?? null })),
        warnings: sanity,
      };
      writeFileSync(opt.json, JSON.stringify(figures, null, 2) + '\n');
      console.log(`\nfigures written to ${opt.json}`);
    }
  } finally {
    cleanup();
  }
}

main().catch((err) => {
  process.stderr.write(`bench: ${err?.stack ?? err}\n`);
  process.exit(1);
});
