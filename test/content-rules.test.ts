// The pure side of the content checks, on the bundled profile: which document a text is,
// which files are duplicates, which facts a form's fields give and where they disagree with
// candidate.yaml.
import { describe, expect, it } from 'vitest';
import { assignByContent, findDuplicates, foldCaseAccents, proposeDocument } from '../src/dossier/content-match.js';
import { factsFromForm, fieldKey, interpret, isEmptyForm, parseTypedDate, reconcileFacts, sameFact } from '../src/facts/form-fields.js';
import { parseProfile } from '../src/profile/load.js';
import { bundledProfile } from './support/profile.js';

const profile = await bundledProfile();
const form = profile.documents.find((d) => d.id === 'form')!;

const CV_TEXT = `Salma BENNANI
Curriculum Vitae
Profil
Expérience professionnelle
03/2020 - aujourd'hui Chargée de programmes
Formation
2014 : Master Relations Internationales, Université Mohammed V de Rabat (mention Bien)
Compétences
Langues`;

describe('proposing a document from text', () => {
  it('a CV is a CV, confidently, even though it names a Master and a university', () => {
    const p = proposeDocument(profile, CV_TEXT);
    expect(p).toMatchObject({ document: 'cv', confident: true });
    expect(p!.keywords).toEqual(expect.arrayContaining(['curriculum vitae', 'expérience professionnelle', 'compétences']));
  });

  it('an equivalence certificate beats the diploma it names (priority)', () => {
    const p = proposeDocument(
      profile,
      "ROYAUME DU MAROC Service des Équivalences ATTESTATION D'ÉQUIVALENCE DE DIPLÔME Le Ministre atteste que le Diplôme de Licence délivré par l'Université de Montpellier est déclaré équivalent",
    );
    expect(p).toMatchObject({ document: 'equivalence', confident: true });
  });

  it('one keyword is a weak suggestion; no keyword, no proposal', () => {
    expect(proposeDocument(profile, 'Annexe : calendrier des réunions')).toMatchObject({ document: 'action-plan', confident: false });
    expect(proposeDocument(profile, 'Facture électricité janvier')).toBeUndefined();
    expect(proposeDocument(profile, '')).toBeUndefined();
  });

  it('close scores between two documents are not confident', () => {
    const p = proposeDocument(profile, 'Curriculum Vitae Compétences. Plan d’action, diagnostic, calendrier');
    expect(p?.confident).toBe(false);
  });
});

describe('assigning unmatched files', () => {
  const byDocument = new Map<string, string[]>([
    ['form', ['F1.pdf']],
    ['cv', []],
    ['diploma', ['Master.pdf']],
    ['equivalence', []],
    ['cni', ['CIN.pdf']],
    ['action-plan', []],
  ]);
  const cv = proposeDocument(profile, CV_TEXT);

  it('a confident proposal fills an empty slot, with matched-by-content and a name to use', () => {
    const r = assignByContent(profile, byDocument, new Map([['scan0001.pdf', cv]]));
    expect(r.assigned.get('scan0001.pdf')).toBe('cv');
    expect(r.documentProblems.get('cv')).toEqual([
      { code: 'matched-by-content', severity: 'warning', params: { file: 'scan0001.pdf', keywords: cv!.keywords, example: 'CV.pdf' } },
    ]);
    expect(r.dossierProblems).toEqual([]);
  });

  it('one slot, two scans of a CV: the clearer one fills it, the other stays unexpected with the suggestion', () => {
    const weaker = { ...cv!, keywords: cv!.keywords.slice(0, 2) };
    const r = assignByContent(profile, byDocument, new Map([['scan0001.pdf', weaker], ['scan0002.pdf', cv]]));
    expect([...r.assigned]).toEqual([['scan0002.pdf', 'cv']]);
    expect(r.dossierProblems).toEqual([{ code: 'unexpected-file', severity: 'warning', params: { file: 'scan0001.pdf', suggestion: 'cv', example: 'CV.pdf' } }]);
  });

  it('a slot already taken by name is not filled; a weak proposal is only a suggestion', () => {
    const cni = proposeDocument(profile, "ROYAUME DU MAROC CARTE NATIONALE D'IDENTITE Valable jusqu'au")!;
    const weak = proposeDocument(profile, 'calendrier')!;
    const r = assignByContent(profile, byDocument, new Map([['IMG_0001.pdf', cni], ['doc(3).pdf', weak], ['photo.pdf', undefined]]));
    expect(r.assigned.size).toBe(0);
    expect(r.dossierProblems.map((p) => p.params)).toEqual([
      { file: 'IMG_0001.pdf', suggestion: 'cni', example: 'CIN recto-verso.pdf' },
      { file: 'doc(3).pdf', suggestion: 'action-plan', example: "Plan d'action.pdf" },
      { file: 'photo.pdf' },
    ]);
  });

  it('a document taking several files takes one more', () => {
    const diploma = proposeDocument(profile, 'Diplôme de Master ... délibérations du jury ... atteste que')!;
    expect(diploma.document).toBe('diploma');
    const r = assignByContent(profile, byDocument, new Map([['scan.pdf', diploma]]));
    expect(r.assigned.get('scan.pdf')).toBe('diploma');
  });

  it('a copy of another file is never taken by content', () => {
    const r = assignByContent(profile, byDocument, new Map([['scan0001.pdf', cv]]), new Set(['scan0001.pdf']));
    expect(r.assigned.size).toBe(0);
    expect(r.dossierProblems).toEqual([{ code: 'unexpected-file', severity: 'warning', params: { file: 'scan0001.pdf' } }]);
  });
});

describe('duplicates', () => {
  it('the same bytes for two documents: an error on the later one, naming the first', () => {
    const d = findDuplicates(
      profile,
      [
        { file: 'CIN.pdf', sha256: 'aa', document: 'cni' },
        { file: 'CV.pdf', sha256: 'aa', document: 'cv' },
        { file: 'Plan.pdf', sha256: 'bb', document: 'action-plan' },
      ],
      ['CIN.pdf', 'CV.pdf', 'Plan.pdf'],
    );
    // cv comes before cni in the profile: the CNI is the copy.
    expect(d.documentProblems.get('cni')).toEqual([
      { code: 'duplicate-file', severity: 'error', params: { file: 'CIN.pdf', original: 'CV.pdf', originalDocument: 'cv', by: 'content' } },
    ]);
    expect(d.documentProblems.get('cv')).toBeUndefined();
    expect(d.dossierProblems).toEqual([]);
  });

  it('the same file twice for one document taking several files is only a warning', () => {
    const d = findDuplicates(
      profile,
      [
        { file: 'Diplome Licence.pdf', sha256: 'aa', document: 'diploma' },
        { file: 'Diplome Master.pdf', sha256: 'aa', document: 'diploma' },
      ],
      ['Diplome Licence.pdf', 'Diplome Master.pdf'],
    );
    expect(d.documentProblems.get('diploma')).toEqual([
      { code: 'duplicate-file', severity: 'warning', params: { file: 'Diplome Master.pdf', original: 'Diplome Licence.pdf', originalDocument: 'diploma', by: 'content' } },
    ]);
  });

  it('an unmatched copy is a warning about the dossier; names differing by case or accents are reported', () => {
    const d = findDuplicates(
      profile,
      [
        { file: 'CV.pdf', sha256: 'aa', document: 'cv' },
        { file: 'scan0001.pdf', sha256: 'aa', document: undefined },
      ],
      ['CV.pdf', 'Diplôme.pdf', 'Diplome.PDF', 'scan0001.pdf'],
    );
    expect([...d.copies]).toEqual(['scan0001.pdf']);
    expect(d.dossierProblems).toEqual([
      { code: 'duplicate-file', severity: 'warning', params: { file: 'scan0001.pdf', original: 'CV.pdf', originalDocument: 'cv', by: 'content' } },
      { code: 'duplicate-file', severity: 'warning', params: { file: 'Diplôme.pdf', original: 'Diplome.PDF', files: ['Diplome.PDF', 'Diplôme.pdf'], by: 'name' } },
    ]);
  });

  it('folding keeps separators: only case and accents differ', () => {
    expect(foldCaseAccents('Diplôme_MASTER.PDF')).toBe('diplome_master.pdf');
    expect(foldCaseAccents("Plan d'action.pdf")).not.toBe(foldCaseAccents('Plan-action.pdf'));
  });
});

describe('form fields to facts', () => {
  it('field names compare ignoring case, accents, separators, indexes and small words', () => {
    expect(fieldKey('Date_Naissance')).toBe('date naissance');
    expect(fieldKey('date de naissance')).toBe('date naissance');
    expect(fieldKey('NATIONALITÉ')).toBe('nationalite');
  });

  it.each([
    ['14/05/1990', '1990-05-14'],
    ['4/5/1990', '1990-05-04'],
    ['14-05-1990', '1990-05-14'],
    ['14.05.1990', '1990-05-14'],
    ['1990-05-14', '1990-05-14'],
    ['1990/05/14', '1990-05-14'],
    ['30/02/1990', undefined],
    ['14 mai 1990', undefined],
    ['05/14/1990', undefined],
  ])('date %s → %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toBe(iso);
  });

  const decl = form.formFields!;
  it.each([
    ['Marocaine', 'MA'],
    ['marocain', 'MA'],
    ['Maroc', 'MA'],
    ['MA', 'MA'],
    ['Française', undefined],
  ])('nationality %s → %s', (typed, value) => {
    expect(interpret(typed, profile.facts.nationality!, decl.nationality!)).toBe(value);
  });

  it.each([
    ['Master', 'master'],
    ['Master en Finance', 'master'],
    ['Doctorat en sciences de gestion', 'doctorat'],
    ['Licence', 'licence'],
    ['Licence puis Master', 'master'],
    ['Bac+5', 'master'],
    ['DUT', 'bac+2'],
    ['Diplôme d’ingénieur d’État', 'master'],
    ['Certificat', undefined],
  ])('diploma %s → %s', (typed, value) => {
    expect(interpret(typed, profile.facts.diplomaLevel!, decl.diplomaLevel!)).toBe(value);
  });

  it('reads the facts the profile maps, joining name parts', () => {
    const facts = factsFromForm(profile, form, {
      nom: 'BENNANI',
      prenom: 'Salma',
      Date_Naissance: '14/05/1990',
      'identite.nationalite': 'Marocaine',
      diplome: 'Master',
      agent_ofppt: '',
    });
    expect(Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, v.value]))).toEqual({
      fullName: 'Salma BENNANI',
      birthDate: '1990-05-14',
      nationality: 'MA',
      diplomaLevel: 'master',
    });
    expect(facts.fullName!.fields).toEqual(['prenom', 'nom']);
    expect(facts.nationality!.fields).toEqual(['identite.nationalite']);
  });

  it('empty or unreadable fields give nothing', () => {
    expect(factsFromForm(profile, form, { nom: '', date_naissance: 'hier', nationalite: 'Française' })).toEqual({});
  });

  it('names compare as words in any order, ignoring case and accents', () => {
    expect(sameFact(profile.facts.fullName, 'Salma Bennani', 'BENNANI Salma')).toBe(true);
    expect(sameFact(profile.facts.fullName, 'Fatima Zahra El Amrani', 'EL AMRANI Fatima-Zahra')).toBe(true);
    expect(sameFact(profile.facts.fullName, 'Salma Bennani', 'Salma Bennis')).toBe(false);
    expect(sameFact(profile.facts.birthDate, '1990-05-14', '1990-05-15')).toBe(false);
  });

  it('the declaration wins, the form fills the gaps, disagreements are facts-mismatch warnings', () => {
    const fromForm = factsFromForm(profile, form, { nom: 'BENNANI', prenom: 'Salma', date_naissance: '15/05/1990', nationalite: 'Marocaine', diplome: 'Master' });
    const r = reconcileFacts(profile, { fullName: 'Salma Bennani', birthDate: '1990-05-14', diplomaLevel: 'master' }, fromForm, 'F1.pdf');
    expect(r.facts).toMatchObject({ birthDate: '1990-05-14', nationality: 'MA', fullName: 'Salma Bennani' });
    expect(r.filled).toEqual(['nationality']);
    expect(r.problems).toEqual([
      {
        code: 'facts-mismatch',
        severity: 'warning',
        params: { file: 'F1.pdf', fact: 'birthDate', declared: '1990-05-14', form: '15/05/1990', field: 'date_naissance' },
      },
    ]);
  });

  it('an empty form is one with fields, all empty', () => {
    expect(isEmptyForm({ nom: '', prenom: ' ' })).toBe(true);
    expect(isEmptyForm({ nom: 'X', prenom: '' })).toBe(false);
    expect(isEmptyForm({})).toBe(false);
    expect(isEmptyForm(undefined)).toBe(false);
  });
});

describe('profile check of the content settings', () => {
  const profileText = (documentExtra: string) => `id: t
title: T
facts:
  level: { type: ordinal, values: [licence, master] }
documents:
  - id: form
    label: { fr: F, en: F }
    names: [formulaire]
${documentExtra}`;
  const issuesOf = (text: string) => {
    const loaded = parseProfile(text, 'p.yaml');
    return loaded.ok ? [] : loaded.issues.map((i) => `${i.line}:${i.col} ${i.message}`);
  };

  it('accepts form fields, content keywords and a card layout', () => {
    const ok = profileText(`    contentKeywords: [formulaire de candidature]
    formFields:
      level: { names: [diplome], values: { master: [master], licence: [licence] } }
    layout: { cardSides: 2 }
`);
    expect(issuesOf(ok)).toEqual([]);
    const loaded = parseProfile(ok, 'p.yaml');
    expect(loaded.ok && loaded.profile.documents[0]!.layout).toEqual({ cardSides: 2, cardRatio: 1.586, ratioTolerance: 0.1, minAreaFraction: 0.02, fullPageFraction: 0.8 });
  });

  it('a form field for an undeclared fact, a value outside the scale, a keyword of small words, a mapping without fields', () => {
    const issues = issuesOf(
      profileText(`    contentKeywords: [formulaire, "de la"]
    formFields:
      age: { names: [age] }
      level: { names: [diplome], values: { doctorat: [doctorat] } }
`),
    );
    expect(issues.filter((i) => !i.includes('no tests'))).toEqual([
      "9:35 content keyword 'de la' is only punctuation or small words: no text can match it",
      "11:7 formFields: 'age' is not a fact declared under facts",
      "12:44 formFields.level.values: 'doctorat' is not a value of level (licence, master)",
    ]);
    expect(issuesOf(profileText(`    formFields:\n      level: { values: { master: [master] } }\n`))[0]).toMatch(/give names \(or parts\)/);
  });
});
