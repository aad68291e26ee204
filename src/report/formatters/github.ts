// GitHub Actions workflow commands: one `::error` or `::warning` annotation per problem and per
// blocking rule that failed or is unknown, and nothing else, so the output can go straight to
// stdout in a workflow step. Data is escaped as the runner unescapes it (% CR LF; properties
// also : and ,), so a file name can neither end the command early nor start another one.
import { UI } from '../../i18n/ui.js';
import { localize, type ProblemView, type Reportable } from '../localize.js';
import { colonOf, isBlocking } from './common.js';
import { displayName } from './safe-text.js';
import type { TextOptions } from './text.js';

interface Annotation {
  readonly level: 'error' | 'warning';
  /** Path of the file (or folder) concerned, as the workflow sees it. */
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly title: string;
  readonly message: string;
}

export function formatGithub(report: Reportable, options: TextOptions): string {
  const view = localize(report, options);
  const ui = UI[options.lang];
  const colon = colonOf(options.lang);
  const out: Annotation[] = [];
  const problem = (p: ProblemView, dir: string | undefined, title: string): Annotation => {
    const file = typeof p.params.file === 'string' ? p.params.file : undefined;
    const line = Number(p.params.line);
    const col = Number(p.params.col);
    return {
      level: p.severity,
      // Findings name files relative to their dossier; the annotation needs the path from the
      // workspace. A finding about the whole folder points at the folder.
      ...(dir !== undefined ? { file: file ? joinPath(dir, file) : dir } : file ? { file } : {}),
      ...(Number.isInteger(line) && line > 0 ? { line } : {}),
      ...(Number.isInteger(col) && col > 0 ? { col } : {}),
      title,
      message: `${v(p.message)} [${p.code}]\n→ ${v(p.fix)}`,
    };
  };
  // The run's own findings name an entry of the batch root within it, with the root beside.
  for (const p of view.problems) out.push(problem(p, typeof p.params.root === 'string' ? p.params.root : undefined, p.code));
  // Dossier by dossier, in report order: documents, then blocking rules, then the folder.
  for (const d of view.dossiers) {
    const where = v(d.path) + colon;
    for (const doc of d.documents) for (const p of doc.problems) out.push(problem(p, d.path, where + v(doc.label)));
    for (const r of d.rules.filter(isBlocking))
      out.push({
        level: 'error',
        file: d.path,
        title: where + v(r.label),
        message: `${r.status === 'fail' ? ui.ineligible : ui.unknownFacts}${colon}${v(r.message)} [${r.id}: ${r.status}]${r.fix ? `\n→ ${v(r.fix)}` : ''}`,
      });
    for (const p of d.problems) out.push(problem(p, d.path, where + p.code));
  }
  return out.map(command).join('');
}

function command(a: Annotation): string {
  const props = [
    ...(a.file !== undefined ? [`file=${escapeProperty(a.file)}`] : []),
    ...(a.line !== undefined ? [`line=${a.line}`] : []),
    ...(a.col !== undefined ? [`col=${a.col}`] : []),
    `title=${escapeProperty(a.title)}`,
  ];
  return `::${a.level} ${props.join(',')}::${escapeData(a.message)}\n`;
}

/**
 * Titles and messages show controls escaped: a newline in a file name must not pass for the
 * report's own line break, an ANSI escape must not colour the log. The file property keeps
 * the real path (escaped as the runner expects), or the annotation would point nowhere.
 */
const v = displayName;

const joinPath = (dir: string, file: string) => (dir.endsWith('/') ? dir + file : `${dir}/${file}`);

/** As @actions/core escapes a command's message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes a property value: the message escapes, plus the separators. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
