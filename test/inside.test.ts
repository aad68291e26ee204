// The content checks through the core API, on real folders of real PDFs: each finding, where
// it lands (document or dossier), and what it does to the verdict.
import { afterAll, describe, expect, it } from 'vitest';
import { checkDossier, type CheckSettings } from '../src/check.js';
import { createInspector } from '../src/pdf/pool.js';
import { formatOptions, localize } from '../src/report/localize.js';
import type { DossierResult, Report } from '../src/report/model.js';
import { GOOD_CANDIDATE, makeDossier } from './support/dossier.js';
import { cniPdf, fillableForm, pagesPdf } from './support/content-pdfs.js';
import { bundledProfile } from './support/profile.js';

const profile = await bundledProfile();
const inspector = createInspector();
afterAll(() => inspector.close());
const settings: CheckSettings = { profile, asOf: '2026-02-21' };

const CV_TEXT = 'Curriculum Vitae - Expérience professionnelle - Compétences';
const base = async (): Promise<Record<string, Uint8Array | string>> => ({
  'Formulaire F1.pdf': await pagesPdf(['text'], 'Formulaire de candidature F1'),
  'CV.pdf': await pagesPdf(['text', 'text'], CV_TEXT),
  'Diplome Master.pdf': await pagesPdf(['text'], 'Diplôme de Master'),
  'CIN.pdf': await cniPdf('two'),
  "Plan d'action.pdf": await pagesPdf(['text', 'text'], "Plan d'action"),
  'candidate.yaml': GOOD_CANDIDATE,
});

async function check(files: Record<string, Uint8Array | string>, remove: string[] = []): Promise<DossierResult> {
  const all = await base();
  for (const name of remove) delete all[name];
  return checkDossier(await makeDossier({ ...all, ...files }), settings, inspector);
}
const doc = (d: DossierResult, id: string) => d.documents.find((x) => x.id === id)!;
const codes = (d: DossierResult, id: string) => doc(d, id).problems.map((p) => p.code);

describe('the baseline', () => {
  it('real, distinct documents with a two-sided ID copy: accepted, nothing to report', async () => {
    const d = await check({});
    expect(d.documents.flatMap((x) => x.problems)).toEqual([]);
    expect(d.problems).toEqual([]);
    expect(d.accepted).toBe(true);
  });
});

describe('blank pages', () => {
  it('a blank last page is a warning naming the page', async () => {
    const d = await check({ 'CV.pdf': await pagesPdf(['text', 'text', 'white'], CV_TEXT) });
    expect(doc(d, 'cv').problems).toEqual([{ code: 'blank-page', severity: 'warning', params: { file: 'CV.pdf', pages: ['3'] } }]);
    expect(doc(d, 'cv').status).toBe('ok');
  });

  it('a document of blank pages only is invalid', async () => {
    const d = await check({ "Plan d'action.pdf": await pagesPdf(['blank']) });
    expect(doc(d, 'action-plan').problems).toEqual([{ code: 'blank-document', severity: 'error', params: { file: "Plan d'action.pdf", pages: 1 } }]);
    // Blank is neither typed text nor a scan.
    expect(doc(d, 'action-plan').textLayer).toBe(null);
    expect(doc(d, 'action-plan').status).toBe('invalid');
    expect(d.accepted).toBe(false);
  });

  it('a scanned document is not blank', async () => {
    const d = await check({ 'Diplome Master.pdf': await pagesPdf(['scan']) });
    expect(codes(d, 'diploma')).toEqual([]);
  });
});

describe('ID card copy', () => {
  it('a single card-sized image: cni-one-side warning', async () => {
    const d = await check({ 'CIN.pdf': await cniPdf('one') });
    expect(doc(d, 'cni').problems).toEqual([{ code: 'cni-one-side', severity: 'warning', params: { file: 'CIN.pdf', sides: 1, expected: 2 } }]);
    expect(d.accepted).toBe(true);
  });

  it('one image holding both cards passes; a full-sheet scan is not judged', async () => {
    expect(codes(await check({ 'CIN.pdf': await cniPdf('stacked-image') }), 'cni')).toEqual([]);
    expect(codes(await check({ 'CIN.pdf': await cniPdf('sheet') }), 'cni')).toEqual([]);
  });

  it('on a two-page copy the page count speaks, not the layout', async () => {
    const two = await pagesPdf(['scan', 'scan']);
    expect(codes(await check({ 'CIN.pdf': two }), 'cni')).toEqual(['page-count']);
  });
});

describe("the application form's own fields", () => {
  it('an empty fillable form is form-empty: the form is invalid', async () => {
    const d = await check({ 'Formulaire F1.pdf': await fillableForm() });
    expect(doc(d, 'form').problems).toEqual([{ code: 'form-empty', severity: 'error', params: { file: 'Formulaire F1.pdf', fields: 6, overlays: 0 } }]);
    expect(doc(d, 'form').status).toBe('invalid');
  });

  it('a filled form that agrees: nothing to say', async () => {
    const form = await fillableForm({ nom: 'BENNANI', prenom: 'Salma', date_naissance: '14/05/1990', nationalite: 'Marocaine', diplome: 'Master' });
    expect(codes(await check({ 'Formulaire F1.pdf': form }), 'form')).toEqual([]);
  });

  it('a form that disagrees with candidate.yaml: facts-mismatch, and candidate.yaml still decides', async () => {
    const form = await fillableForm({ nom: 'BENNANI', prenom: 'Salma', date_naissance: '1979-05-14', nationalite: 'Marocaine', diplome: 'Licence' });
    const d = await check({ 'Formulaire F1.pdf': form });
    expect(doc(d, 'form').problems).toEqual([
      {
        code: 'facts-mismatch',
        severity: 'warning',
        params: { file: 'Formulaire F1.pdf', fact: 'birthDate', declared: '1990-05-14', form: '1979-05-14', field: 'date_naissance' },
      },
      {
        code: 'facts-mismatch',
        severity: 'warning',
        params: { file: 'Formulaire F1.pdf', fact: 'diplomaLevel', declared: 'master', form: 'Licence', field: 'diplome' },
      },
    ]);
    expect(d.rules.find((r) => r.id === 'age')!.status).toBe('pass');
    const view = localize({ schemaVersion: 1, profile, asOf: '2026-02-21', summary: { dossiers: 1, complete: 1, eligible: 1, accepted: 1 }, dossiers: [d], problems: [] } as Report, formatOptions(profile, 'fr'));
    const message = view.dossiers[0]!.documents.find((x) => x.id === 'form')!.problems[0]!;
    expect(message.message).toBe(
      'Date de naissance : candidate.yaml indique 1990-05-14, mais le formulaire Formulaire F1.pdf (champ date_naissance) indique 1979-05-14',
    );
    expect(message.fix).toContain('Toute information erronée entraînera l’annulation du dossier');
  });

  it('facts the declaration lacks are read from the form', async () => {
    const form = await fillableForm({ nom: 'BENNANI', prenom: 'Salma', date_naissance: '14/05/1990', nationalite: 'marocain', diplome: 'Master' });
    const yaml = GOOD_CANDIDATE.replace('birthDate: 1990-05-14\n', '').replace('nationality: MA\n', '');
    const d = await check({ 'Formulaire F1.pdf': form, 'candidate.yaml': yaml });
    expect(d.facts).toMatchObject({ birthDate: '1990-05-14', nationality: 'MA' });
    expect(d.rules.find((r) => r.id === 'age')!.status).toBe('pass');
    expect(d.eligibility).toBe('eligible');
  });
});

describe('duplicates', () => {
  it('the same file sent for two documents: duplicate-file error on the later one', async () => {
    const same = await pagesPdf(['text'], 'Diplôme de Master');
    const d = await check({ 'Diplome Master.pdf': same, 'CIN.pdf': same });
    expect(doc(d, 'cni').problems).toEqual([
      { code: 'duplicate-file', severity: 'error', params: { file: 'CIN.pdf', original: 'Diplome Master.pdf', originalDocument: 'diploma', by: 'content' } },
    ]);
    expect(codes(d, 'diploma')).toEqual([]);
    expect(d.complete).toBe(false);
    // Which of the two is the wrong one, the bytes cannot say: the advice names both.
    const view = localize({ schemaVersion: 1, profile, asOf: '2026-02-21', summary: { dossiers: 1, complete: 0, eligible: 1, accepted: 0 }, dossiers: [d], problems: [] } as Report, formatOptions(profile, 'fr'));
    const cni = view.dossiers[0]!.documents.find((x) => x.id === 'cni')!;
    expect(cni.problems[0]!.fix).toBe(
      'L’un des deux fichiers n’est pas le bon : ouvrez-les, puis remplacez CIN.pdf par votre copie de la CNI (recto-verso, une seule page), ou Diplome Master.pdf par votre copie du diplôme requis.',
    );
    // English labels keep their capitals (a proper adjective may open one), quoted as written.
    const en = localize({ schemaVersion: 1, profile, asOf: '2026-02-21', summary: { dossiers: 1, complete: 0, eligible: 1, accepted: 0 }, dossiers: [d], problems: [] } as Report, formatOptions(profile, 'en'));
    expect(en.dossiers[0]!.documents.find((x) => x.id === 'cni')!.problems[0]!.fix).toBe(
      'One of the two files is not the right one: open them, then replace CIN.pdf with your "National ID card copy (both sides, one page)", or Diplome Master.pdf with your "Copy of the required diploma".',
    );
  });

  it('two names differing only by case or accents are reported', async () => {
    const d = await check({ 'Diplôme Master.pdf': await pagesPdf(['text'], 'Diplôme de Master, copie') });
    expect(d.problems).toContainEqual({
      code: 'duplicate-file',
      severity: 'warning',
      params: { file: 'Diplôme Master.pdf', original: 'Diplome Master.pdf', files: ['Diplome Master.pdf', 'Diplôme Master.pdf'], by: 'name' },
    });
  });
});

describe('unhelpful names', () => {
  it('scan0001.pdf holding a CV fills the CV slot, with matched-by-content telling to rename it', async () => {
    const d = await check({ 'scan0001.pdf': await pagesPdf(['text'], CV_TEXT) }, ['CV.pdf']);
    expect(doc(d, 'cv')).toMatchObject({ status: 'ok', files: ['scan0001.pdf'] });
    expect(doc(d, 'cv').problems).toEqual([
      {
        code: 'matched-by-content',
        severity: 'warning',
        params: { file: 'scan0001.pdf', keywords: ['curriculum vitae', 'expérience professionnelle', 'compétences'], example: 'CV.pdf' },
      },
    ]);
    expect(d.problems).toEqual([]);
    expect(d.accepted).toBe(true);
  });

  it('a weak match stays an unexpected file, with the suggestion', async () => {
    const d = await check({ 'document(3).pdf': await pagesPdf(['text'], 'Calendrier des réunions') });
    expect(d.problems).toEqual([
      { code: 'unexpected-file', severity: 'warning', params: { file: 'document(3).pdf', suggestion: 'action-plan', example: "Plan d'action.pdf" } },
    ]);
  });

  it('a file taken for the ID card by its text is read again for the card layout', async () => {
    const card = await cniPdf('one', "ROYAUME DU MAROC - Carte nationale d'identite");
    const d = await check({ 'IMG_2041.pdf': card }, ['CIN.pdf']);
    expect(doc(d, 'cni').files).toEqual(['IMG_2041.pdf']);
    expect(codes(d, 'cni')).toEqual(['matched-by-content', 'cni-one-side']);
  });

  it('one keyword is not enough to fill a slot', async () => {
    const d = await check({ 'scan0002.pdf': await cniPdf('two') }, ['CIN.pdf']);
    expect(doc(d, 'cni').status).toBe('missing');
    expect(d.problems).toEqual([{ code: 'unexpected-file', severity: 'warning', params: { file: 'scan0002.pdf', suggestion: 'cni', example: 'CIN recto-verso.pdf' } }]);
  });
});

describe('text layer in the report', () => {
  it('true for typed documents, false for a scan, null for a missing one', async () => {
    const d = await check({ 'Diplome Master.pdf': await pagesPdf(['scan']) }, ["Plan d'action.pdf"]);
    expect(doc(d, 'cv').textLayer).toBe(true);
    expect(doc(d, 'diploma').textLayer).toBe(false);
    expect(doc(d, 'action-plan').textLayer ?? null).toBe(null);
  });
});

describe('the bundled samples that show the content checks', () => {
  it('08: a filled fillable F1 disagreeing with candidate.yaml, its nationality used, a scan0001.pdf CV', async () => {
    const d = await checkDossier('samples/dossiers/08-leila-benjelloun-formulaire-rempli-divergent', settings, inspector);
    expect(codes(d, 'form')).toEqual(['facts-mismatch']);
    expect(doc(d, 'form').problems[0]!.params).toMatchObject({ fact: 'birthDate', declared: '1991-04-15', form: '15/04/1992' });
    expect(d.facts.nationality).toBe('MA');
    expect(doc(d, 'cv')).toMatchObject({ files: ['scan0001.pdf'], status: 'ok' });
    expect(codes(d, 'cv')).toEqual(['matched-by-content']);
    expect(d.accepted).toBe(true);
  });

  it('09: a one-sided ID copy and a blank action plan', async () => {
    const d = await checkDossier('samples/dossiers/09-mehdi-lahlou-cni-recto-seul-plan-vide', settings, inspector);
    expect(codes(d, 'cni')).toEqual(['cni-one-side']);
    expect(codes(d, 'action-plan')).toEqual(['blank-document']);
    expect(d.complete).toBe(false);
  });

  it('the other samples are unchanged by the content checks: two-sided ID copies, no blank page, no duplicate', async () => {
    for (const folder of ['01-salma-bennani-externe-complet', '02-youssef-alaoui-agent-derogation', '06-hicham-ouazzani-non-eligible']) {
      const d = await checkDossier(`samples/dossiers/${folder}`, settings, inspector);
      expect(d.documents.flatMap((x) => x.problems)).toEqual([]);
      expect(d.documents.filter((x) => x.status === 'ok').every((x) => x.textLayer === true)).toBe(true);
    }
  });
});
