// The core API on real folders of real PDFs: one case per problem code and per status.
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDossier, checkDossiers, type CheckSettings } from '../src/check.js';
import { createInspector } from '../src/pdf/pool.js';
import type { DossierResult } from '../src/report/model.js';
import { completeFiles, GOOD_CANDIDATE, makeDossier } from './support/dossier.js';
import { encryptedPdf, textPdf, truncated } from './support/pdf-factory.js';
import { bundledProfile } from './support/profile.js';
import { formatOptions, localize } from '../src/report/localize.js';
import { summarize } from '../src/report/model.js';

const profile = await bundledProfile();
const inspector = createInspector();
afterAll(() => inspector.close());
const settings: CheckSettings = { profile, asOf: '2026-02-21' };

const base = completeFiles;

async function check(files: Record<string, Uint8Array | string>, replace: string[] = []): Promise<DossierResult> {
  const all = { ...(await base()) } as Record<string, Uint8Array | string>;
  for (const name of replace) delete all[name];
  return checkDossier(await makeDossier({ ...all, ...files }), settings, inspector);
}
const doc = (d: DossierResult, id: string) => d.documents.find((x) => x.id === id)!;
const codes = (d: DossierResult, id: string) => doc(d, id).problems.map((p) => p.code);

describe('a complete, eligible dossier', () => {
  it('is accepted, with the equivalence not required', async () => {
    const d = await check({});
    expect(d.complete).toBe(true);
    expect(d.eligibility).toBe('eligible');
    expect(d.accepted).toBe(true);
    expect(doc(d, 'equivalence').status).toBe('not-required');
    expect(doc(d, 'action-plan')).toMatchObject({ status: 'ok', pages: 3, files: ["Plan d'action.pdf"] });
    expect(d.problems).toEqual([]);
  });

  it('ignores system clutter and hidden files', async () => {
    const d = await check({ '.DS_Store': 'x', 'Thumbs.db': 'x', 'desktop.ini': 'x', '.hidden.pdf': 'x' });
    expect(d.problems).toEqual([]);
    expect(d.accepted).toBe(true);
  });
});

describe('document problems', () => {
  it('missing', async () => {
    const d = await check({}, ['CIN.pdf']);
    expect(doc(d, 'cni').status).toBe('missing');
    expect(codes(d, 'cni')).toEqual(['missing']);
    expect(d.complete).toBe(false);
  });

  it('not-pdf tells the real type', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    const d = await check({ 'CIN.pdf': jpeg });
    expect(doc(d, 'cni').status).toBe('invalid');
    expect(doc(d, 'cni').problems[0]).toMatchObject({ code: 'not-pdf', params: { type: 'jpeg', file: 'CIN.pdf' } });
  });

  it('empty-file', async () => {
    expect(codes(await check({ 'CV.pdf': new Uint8Array() }), 'cv')).toEqual(['empty-file']);
  });

  it('unreadable when truncated', async () => {
    const d = await check({ 'CV.pdf': truncated(await textPdf(3), 0.5) });
    expect(codes(d, 'cv')).toEqual(['unreadable']);
    expect(doc(d, 'cv').problems[0]!.params.reason).toBe('truncated');
  });

  it('encrypted when a password is needed', async () => {
    const d = await check({ 'CV.pdf': await encryptedPdf({ userPassword: 'secret', ownerPassword: 'owner' }) });
    expect(codes(d, 'cv')).toEqual(['encrypted']);
    expect(doc(d, 'cv').status).toBe('invalid');
  });

  it('page-count with expected and actual', async () => {
    const d = await check({ 'CIN.pdf': await textPdf(2) });
    expect(doc(d, 'cni').problems[0]).toMatchObject({ code: 'page-count', params: { exactly: 1, actual: 2 } });
  });

  it('ambiguous names every competing file', async () => {
    const d = await check({ 'CIN recto.pdf': await textPdf(1), 'CIN verso.pdf': await textPdf(1) }, ['CIN.pdf']);
    expect(doc(d, 'cni').status).toBe('invalid');
    expect(doc(d, 'cni').problems[0]).toMatchObject({ code: 'ambiguous', params: { files: ['CIN recto.pdf', 'CIN verso.pdf'] } });
  });

  it('too-large from the size alone', async () => {
    const small = { ...profile, limits: { maxSizeMB: 0.001 } };
    const dir = await makeDossier(await base());
    const d = await checkDossier(dir, { ...settings, profile: small }, inspector);
    expect(codes(d, 'cv')).toContain('too-large');
  });

  it('wrong-form: F1 sent by an agent', async () => {
    const agent = GOOD_CANDIDATE.replace('external', 'agent') + 'agentScale: 19\nfinanceBackground: true\n';
    const d = await check({ 'candidate.yaml': agent });
    expect(doc(d, 'form').problems[0]).toMatchObject({ code: 'wrong-form', params: { variant: 'F1', expected: 'F2' } });
    expect(d.complete).toBe(false);
  });

  it('the equivalence is required for a foreign diploma', async () => {
    const foreign = GOOD_CANDIDATE.replace('diplomaForeign: false', 'diplomaForeign: true');
    const d = await check({ 'candidate.yaml': foreign });
    expect(doc(d, 'equivalence').status).toBe('missing');
    const ok = await check({ 'candidate.yaml': foreign, "Attestation d'équivalence du diplôme.pdf": await textPdf(1, 'Equivalence') });
    expect(doc(ok, 'equivalence').status).toBe('ok');
    expect(doc(ok, 'diploma').files).toEqual(['Diplome Master.pdf']);
  });

  it('a yes/no fact written as the template says ("oui ou non"), in French or English, any case', async () => {
    for (const [word, foreign] of [['oui', true], ['Non', false], ['YES', true], ['no', false], ['vrai', true], ['faux', false]] as const) {
      const yaml = GOOD_CANDIDATE.replace('diplomaForeign: false', `diplomaForeign: ${word}`);
      // Both readers of candidate.yaml: the flat lines, and the full parser (a comment in a flow list sends it there).
      for (const text of [yaml, yaml.replace('languages: [ar, fr, en]', 'languages:\n  - ar # arabe\n  - fr\n  - en')]) {
        const d = await check({ 'candidate.yaml': text });
        expect(d.facts['diplomaForeign']).toBe(foreign);
        expect(d.problems).toEqual([]);
        expect(doc(d, 'equivalence').status).toBe(foreign ? 'missing' : 'not-required');
      }
    }
    // Any other word is still refused, and says what is expected.
    const d = await check({ 'candidate.yaml': GOOD_CANDIDATE.replace('diplomaForeign: false', 'diplomaForeign: peut-être') });
    expect(d.problems.map((p) => [p.code, p.params['reason']])).toEqual([['declaration-invalid', 'type']]);
  });
});

describe('dossier problems', () => {
  it('a file matching no document is a warning', async () => {
    const d = await check({ 'scan0001.pdf': await textPdf(1, 'Facture') });
    expect(d.problems).toEqual([{ code: 'unexpected-file', severity: 'warning', params: { file: 'scan0001.pdf' } }]);
    expect(d.accepted).toBe(true);
  });

  it('a malformed candidate.yaml is located, valid facts are kept, documents still checked', async () => {
    const d = await check({ 'candidate.yaml': GOOD_CANDIDATE.replace('birthDate: 1990-05-14', 'birthDate: 1990-02-30') + 'colour: blue\n' });
    const found = d.problems.filter((p) => p.code === 'declaration-invalid').map((p) => [p.params.line, p.params.col]);
    expect(found).toEqual([
      [3, 12],
      [9, 1],
    ]);
    expect(d.rules.find((r) => r.id === 'age')!.status).toBe('unknown');
    expect(d.rules.find((r) => r.id === 'nationality')!.status).toBe('pass');
    expect(d.eligibility).toBe('undetermined');
    expect(d.complete).toBe(true);
  });

  it('a candidate.yaml that is not YAML is a finding, not a crash', async () => {
    const d = await check({ 'candidate.yaml': 'applicantType: [external\n  birthDate: {' });
    expect(d.problems.some((p) => p.code === 'declaration-invalid')).toBe(true);
    expect(d.eligibility).toBe('undetermined');
  });

  it('symbolic links are reported, not followed', async () => {
    const dir = await makeDossier(await base());
    await symlink('/etc/passwd', join(dir, 'CV lien.pdf'));
    const d = await checkDossier(dir, settings, inspector);
    expect(d.problems).toContainEqual({ code: 'symlink', severity: 'warning', params: { file: 'CV lien.pdf' } });
    expect(doc(d, 'cv').files).toEqual(['CV.pdf']);
  });
});

describe('a declaration under a name one slip away', () => {
  it('is named where the declaration is said missing, with the rename to make, and is not called an unexpected file', async () => {
    for (const name of ['candidate.yaml.txt', 'candidat.yaml', 'Candidate.yml.txt']) {
      const d = await check({ [name]: GOOD_CANDIDATE }, ['candidate.yaml']);
      expect(d.problems).toEqual([{ code: 'no-declaration', severity: 'warning', params: { file: 'candidate.yaml', found: name } }]);
      const profile = await bundledProfile();
      const [p] = localize({ schemaVersion: 1, profile: { id: profile.id, title: profile.title }, asOf: '2026-02-21', summary: summarize([d]), dossiers: [d], problems: [] }, formatOptions(profile, 'fr')).dossiers[0]!.problems;
      expect(p!.fix).toBe(`Renommez ${name} en candidate.yaml, exactement (l’extension .txt est parfois cachée par Windows).`);
    }
    // Any other stray file is still one.
    const d = await check({ 'notes.txt': 'x' });
    expect(d.problems.map((p) => p.code)).toEqual(['unexpected-file']);
  });
});

describe('a duplicated key in candidate.yaml', () => {
  it('is reported, and the rest of the declaration is still read and checked', async () => {
    const text = GOOD_CANDIDATE + 'nationality: MA\nbirthDate: 1990-02-30\n';
    const d = await check({ 'candidate.yaml': text });
    const details = d.problems.filter((p) => p.code === 'declaration-invalid').map((p) => String(p.params.detail));
    expect(details.some((m) => /duplicate key/i.test(m))).toBe(true);
    expect(d.rules.find((r) => r.id === 'experience')!.status).toBe('pass');
    expect(d.rules.find((r) => r.id === 'french')!.status).toBe('pass');
  });
});

describe('what is wrong in candidate.yaml is said in the reader\'s language', () => {
  it('a stable reason per mistake, rendered in French by default and in English on request', async () => {
    const text = GOOD_CANDIDATE.replace('1990-05-14', '1990-02-30').replace('experienceYears: 6', 'experienceYears: many') + 'colour: blue\n';
    const d = await check({ 'candidate.yaml': text });
    const found = d.problems.filter((p) => p.code === 'declaration-invalid');
    expect(found.map((p) => p.params.reason)).toEqual(['date', 'type', 'unknown-fact']);
    const profile = await bundledProfile();
    const say = (lang: 'fr' | 'en') =>
      localize({ schemaVersion: 1, profile: { id: profile.id, title: profile.title }, asOf: '2026-02-21', summary: summarize([d]), dossiers: [d], problems: [] }, formatOptions(profile, lang)).dossiers[0]!.problems.map((p) => p.message);
    const fr = say('fr');
    expect(fr[0]).toMatch(/^candidate\.yaml:3:\d+ date de naissance : une date qui existe est attendue, au format AAAA-MM-JJ/);
    expect(fr[1]).toMatch(/^candidate\.yaml:7:\d+ .+ : valeur attendue : un nombre/);
    expect(fr[2]).toMatch(/information inconnue « colour » ; attendues : .*birthDate/);
    const en = say('en');
    expect(en[0]).toMatch(/: expected a calendar date YYYY-MM-DD that exists/);
    expect(en[1]).toMatch(/: expected a (whole )?number/);
    expect(en[2]).toMatch(/unknown fact 'colour'; expected one of: .*birthDate/);
    // Earlier readers of the JSON keep their English sentence.
    expect(found[2]!.params.detail).toMatch(/^unknown fact 'colour'/);
  });

  it('a value not in the expected form shows the profile\'s example, and a list\'s item is named by its list and rank', async () => {
    const profile = await bundledProfile();
    const d = await check({ 'candidate.yaml': GOOD_CANDIDATE.replace('nationality: MA', 'nationality: Marocaine').replace('languages: [ar, fr, en]', 'languages: [français, en]') });
    const messages = (lang: 'fr' | 'en') =>
      localize({ schemaVersion: 1, profile: { id: profile.id, title: profile.title }, asOf: '2026-02-21', summary: summarize([d]), dossiers: [d], problems: [] }, formatOptions(profile, lang)).dossiers[0]!.problems.map((p) => p.message);
    expect(messages('fr')).toEqual([
      'candidate.yaml:4:14 nationalité : la valeur n’a pas la forme attendue (par exemple : MA)',
      'candidate.yaml:8:13 langues (élément 1) : la valeur n’a pas la forme attendue (par exemple : ar)',
    ]);
    expect(messages('en')[1]).toMatch(/ \(item 1\): the value is not in the expected form \(for example: ar\)$/);
  });

  it('the syntax slips people make are placed where they were made and said in plain words', async () => {
    const profile = await bundledProfile();
    const say = async (text: string, lang: 'fr' | 'en' = 'fr') => {
      const d = await check({ 'candidate.yaml': text });
      const view = localize({ schemaVersion: 1, profile: { id: profile.id, title: profile.title }, asOf: '2026-02-21', summary: summarize([d]), dossiers: [d], problems: [] }, formatOptions(profile, lang));
      return view.dossiers[0]!.problems.filter((p) => p.code === 'declaration-invalid').map((p) => [p.message, p.fix]);
    };
    // A quote left open on line 2: the parser notices at the end of the file (line 9).
    expect(await say(GOOD_CANDIDATE.replace('fullName: Salma Bennani', 'fullName: "Salma Bennani'))).toEqual([
      ['candidate.yaml:2:11 un guillemet ouvert ici n’est jamais fermé', 'Fermez le guillemet à la fin de la valeur, sur la même ligne (ou retirez-le).'],
    ]);
    // A list left open on line 8, the last: it too is found where it was opened.
    expect((await say(GOOD_CANDIDATE.replace('languages: [ar, fr, en]', 'languages: [ar, fr, en')))[0]![0]).toBe('candidate.yaml:8:12 une liste ouverte ici par « [ » n’est jamais fermée par « ] »');
    // A key given twice is named.
    expect(await say(GOOD_CANDIDATE + 'birthDate: 1991-01-01\n', 'en')).toEqual([["candidate.yaml:9:1 'birthDate' is given twice", 'Keep one of these lines, with the right value.']]);
    expect((await say(GOOD_CANDIDATE + 'birthDate: 1991-01-01\n'))[0]![0]).toBe('candidate.yaml:9:1 « birthDate » figure deux fois');
    // Values correctly written over several lines before the slip are never blamed: a quoted
    // name, a flow list and a block scalar, each closed further down (their quotes and brackets
    // inside included); the quote left open is the one on line 8.
    const several = [
      'applicantType: external',
      'fullName: "Salma',
      '  Bennani"',
      'languages: [ar,',
      '  fr, "en"]',
      'note: |',
      '  un "guillemet, [ et { dans un bloc',
      'nationality: "MA',
      'birthDate: 1990-05-14',
      '',
    ].join('\n');
    expect((await say(several))[0]![0]).toBe('candidate.yaml:8:14 un guillemet ouvert ici n’est jamais fermé');
    // A quote opened and not closed before a quoted value on the next line: the first one,
    // as the parser reads it (a value goes on only to a line indented further).
    expect((await say(GOOD_CANDIDATE.replace('fullName: Salma Bennani', 'fullName: "Salma Bennani').replace('nationality: MA', 'nationality: "MA"')))[0]![0]).toBe(
      'candidate.yaml:2:11 un guillemet ouvert ici n’est jamais fermé',
    );
    // A brace is not a list: the group is named as such, with its own fix.
    expect(await say(GOOD_CANDIDATE.replace('languages: [ar, fr, en]', 'languages: {ar, fr, en'), 'en')).toEqual([
      ['candidate.yaml:8:12 a group opened here with "{" is never closed with "}"', 'Close the group with "}" on the same line, or remove the "{": each fact goes on its own "name: value" line.'],
    ]);
  });

  it('a fact name one slip away from a known one: the name meant, and the fix says it', async () => {
    const text = GOOD_CANDIDATE.replace(/^birthDate:/m, 'birthdate:').replace(/^experienceYears:/m, 'experience_years:');
    const d = await check({ 'candidate.yaml': text });
    const found = d.problems.filter((p) => p.code === 'declaration-invalid');
    expect(found.map((p) => [p.params.fact, p.params.suggestion])).toEqual([
      ['birthdate', 'birthDate'],
      ['experience_years', 'experienceYears'],
    ]);
    const profile = await bundledProfile();
    const fr = localize({ schemaVersion: 1, profile: { id: profile.id, title: profile.title }, asOf: '2026-02-21', summary: summarize([d]), dossiers: [d], problems: [] }, { lang: 'fr' })
      .dossiers[0]!.problems.filter((p) => p.code === 'declaration-invalid');
    expect(fr[0]!.message).toMatch(/information inconnue « birthdate » \(vouliez-vous dire « birthDate » \?\)/);
    expect(fr[0]!.fix).toBe('Remplacez « birthdate » par « birthDate » dans candidate.yaml.');
  });
});

describe('a document the situation does not ask for', () => {
  it('its broken file is said as a warning, and does not make the dossier incomplete', async () => {
    // diplomaForeign: false, so no equivalence certificate is needed; one is sent, cut short.
    const d = await check({ 'Equivalence.pdf': truncated(await textPdf(2), 0.5) });
    const equivalence = doc(d, 'equivalence');
    expect(equivalence.status).toBe('not-required');
    expect(equivalence.files).toEqual(['Equivalence.pdf']);
    expect(equivalence.problems.map((p) => [p.code, p.severity])).toEqual([['unreadable', 'warning']]);
    expect([d.complete, d.accepted]).toEqual([true, true]);
  });
});

describe('interrupted through the core API', () => {
  it('an aborted signal ends checkDossiers with the dossiers finished, each checked whole, none started after', async () => {
    // Forty dossiers in tasks of five (two lanes), the signal aborted once three are done:
    // what comes back is a report of whole dossiers, in the order asked, without the ones never
    // started or left unanswered by their worker.
    const files = await base();
    const dirs: string[] = [];
    for (let k = 0; k < 40; k++) dirs.push(await makeDossier(files, `candidat-${String(k).padStart(2, '0')}`));
    const pool = createInspector({ concurrency: 2, profile });
    const controller = new AbortController();
    try {
      const report = await checkDossiers(dirs, {
        ...settings,
        dossierConcurrency: 2,
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 3) controller.abort();
        },
      }, pool);
      expect(report.dossiers.length).toBeGreaterThanOrEqual(3);
      expect(report.dossiers.length).toBeLessThan(dirs.length);
      expect(report.summary).toMatchObject({ dossiers: report.dossiers.length, accepted: report.dossiers.length });
      // In the order asked, whatever order the work finished in.
      const paths = report.dossiers.map((d) => d.path);
      expect(paths).toEqual(dirs.filter((dir) => paths.includes(dir)));
      for (const d of report.dossiers) expect([d.complete, d.accepted, d.documents.flatMap((x) => x.problems)]).toEqual([true, true, []]);
    } finally {
      await pool.close();
    }
  });
});
