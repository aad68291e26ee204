import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentFor, matchByName, variantOf } from '../src/dossier/match.js';
import { containsKeyword, tokenize } from '../src/dossier/names.js';
import { bundledProfile } from './support/profile.js';

const profile = await bundledProfile();
const idOf = (name: string) => documentFor(profile, name)?.id;

describe('file names are recognised the way candidates write them', () => {
  it.each([
    ['Diplôme_MASTER.PDF', 'diploma'],
    ['CIN recto-verso.pdf', 'cni'],
    ['Copie CNI.pdf', 'cni'],
    ['carte nationale.pdf', 'cni'],
    ['CNIE.pdf', 'cni'],
    ["Carte d'identité nationale.pdf", 'cni'],
    ['C.V Salma.pdf', 'cv'],
    ['Curriculum Vitae.pdf', 'cv'],
    ['monCV.pdf', 'cv'],
    ["Plan d'action.pdf", 'action-plan'],
    ['proposition-plan-action.pdf', 'action-plan'],
    ['Plan-Action.pdf', 'action-plan'],
    ['Formulaire F1 - Nom.pdf', 'form'],
    ['F2_agent.pdf', 'form'],
    ['formulaire de candidature.pdf', 'form'],
    ["Attestation d'équivalence du diplôme.pdf", 'equivalence'],
    ['EQUIVALENCE.pdf', 'equivalence'],
    ['Diplome Licence.pdf', 'diploma'],
  ])('%s → %s', (name, id) => {
    expect(idOf(name)).toBe(id);
  });

  it.each(['scan0001.pdf', 'document(3).pdf', 'photo.jpg', 'cinema.pdf', 'vcv.pdf'])('%s matches no document', (name) => {
    expect(idOf(name)).toBeUndefined();
  });

  it('reads names in NFD as in NFC', () => {
    expect(idOf('Diplo\u0302me.pdf')).toBe('diploma');
    expect(idOf('Dipl\u00f4me.pdf')).toBe('diploma');
  });

  it('tells F1 from F2', () => {
    const form = profile.documents.find((d) => d.id === 'form')!;
    expect(variantOf(form, 'Formulaire F1 - Nom.pdf')).toBe('F1');
    expect(variantOf(form, 'F2_agent.pdf')).toBe('F2');
    expect(variantOf(form, 'formulaire de candidature.pdf')).toBeUndefined();
  });

  it('assigns every file once and keeps the rest as unmatched', () => {
    const m = matchByName(profile, ['CIN verso.pdf', 'CIN recto.pdf', 'scan0001.pdf', 'CV.pdf']);
    expect(m.byDocument.get('cni')).toEqual(['CIN recto.pdf', 'CIN verso.pdf']);
    expect(m.byDocument.get('cv')).toEqual(['CV.pdf']);
    expect(m.unmatched).toEqual(['scan0001.pdf']);
  });
});

describe('tokenize', () => {
  it('yields lower-case tokens of letters and digits only, stable under re-tokenizing', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const t = tokenize(s);
        for (const token of t) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
        expect(t.every((token) => token === token.toLowerCase())).toBe(true);
        expect(tokenize(t.join(' '))).toEqual(t);
        expect(tokenize(s.normalize('NFD'))).toEqual(tokenize(s.normalize('NFC')));
      }),
    );
  });

  it('ASCII names take a shorter path to the very tokens of the Unicode one (property)', () => {
    // A no-break space at the end adds no token, and sends the name down the Unicode path.
    const ascii = fc.string({ unit: fc.constantFrom(...'aAbBzZ09 _-.\'()[]/\\&:;,') });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({ unit: 'binary-ascii' })), (s) => {
        expect(tokenize(s)).toEqual(tokenize(s + '\u00a0'));
      }),
      { numRuns: 2000 },
    );
    expect(tokenize('DiplomeMaster_2024 (copie).PDF')).toEqual(['diplome', 'master', '2024', 'copie', 'pdf']);
  });

  it('a name always contains its own tokens as a keyword', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 6 }), fc.nat(), (words, k) => {
        const tokens = tokenize(words.join('_'));
        if (tokens.length === 0) return;
        const start = k % tokens.length;
        expect(containsKeyword(tokens, tokens.slice(start, start + 2))).toBe(true);
      }),
    );
  });
});
