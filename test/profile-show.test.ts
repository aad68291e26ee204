// `dossier profile show`: the posting's checklist in plain words, French or English, text or
// Markdown; and the example file names it offers are ones the matcher really recognises.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFor, variantOf } from '../src/dossier/match.js';
import { conditionWords } from '../src/i18n/conditions.js';
import { loadProfile } from '../src/profile/load.js';
import { exampleNames } from '../src/profile/examples.js';
import { md } from '../src/profile/show.js';
import { run } from './support/cli.js';
import { bundledProfile } from './support/profile.js';

const FORMATEUR = 'samples/profiles/ofppt-2026-formateur-gestion.yaml';

describe('text', () => {
  it('French by default: every document with its conditions, limits and names; every rule as a sentence', async () => {
    const r = await run(['profile', 'show']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toMatch(/^Chef du Service « Coopération Financière » \(OFPPT\)\n/);
    expect(out).toContain('Date limite : 2026-02-21 23:59:59 (Africa/Casablanca)');
    expect(out).toContain('Pièces à fournir (6)');
    expect(out).toContain('Exigée : seulement si diplôme étranger : oui');
    expect(out).toContain('Version F2 si : type de candidat : agent');
    expect(out).toContain('Fichier : PDF, exactement 1 page, 10 Mo au plus');
    expect(out).toContain('Fichier : PDF, de 1 à 20 pages, 10 Mo au plus');
    expect(out).toContain('Noms reconnus : cni, cin, cnie, carte nationale');
    expect(out).toContain('Exemples : « Formulaire F1.pdf », « Formulaire F2.pdf »');
    expect(out).toContain('Plusieurs fichiers acceptés');
    expect(out).toContain("Conditions d'éligibilité (9)");
    expect(out).toContain('Avoir moins de 45 ans à la date de la vérification.');
    expect(out).toContain("S'applique seulement si : type de candidat : agent");
    expect(out).toMatch(/Échelle : au moins 19 ou \(échelle : au moins 16 et années en catégorie C : au moins\s+4\)\./);
    expect(out).toMatch(/indicative : ne rend jamais un dossier non recevable/);
    expect(out).toMatch(/au plus tard le 2026-02-21 23:59:59\s+\(Africa\/Casablanca\)\./);
  });

  it('--as-of puts the date in the age rule; --lang en speaks English', async () => {
    const r = await run(['profile', 'show', '--as-of', '2026-02-21', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Be under 45 on 2026-02-21.');
    expect(r.stdout).toContain('Documents to provide (6)');
    expect(r.stdout).toContain('Required: only if foreign diploma: yes');
    expect(r.stdout).toContain('File: PDF, exactly 1 page, at most 10 MB');
    expect(r.stdout).not.toMatch(/Exigée|Pièces/);
    expect((await run(['profile', 'show', '--as-of', '2026-02-21'])).stdout).toContain('Avoir moins de 45 ans au 2026-02-21.');
  });

  it('shows another profile from its file, with its own documents and limits', async () => {
    const r = await run(['profile', 'show', FORMATEUR]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lettre de motivation');
    expect(r.stdout).toContain('Fichier : PDF, de 1 à 2 pages, 5 Mo au plus');
    expect(r.stdout).toContain("Exigée : seulement si Années d'expérience professionnelle : plus de 0");
    expect(r.stdout).toContain('Avoir moins de 40 ans');
    expect(r.stdout).toContain('Spécialité du diplôme : gestion, finance-comptabilite, commerce-marketing ou economie.');
  });

  it('no colour when piped; colour on a terminal unless NO_COLOR', async () => {
    expect((await run(['profile', 'show'])).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['profile', 'show'], { tty: true })).stdout).toMatch(/\u001b\[/);
    expect((await run(['profile', 'show'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['profile', 'show', 'no-such.yaml'])).code).toBe(2);
    expect((await run(['profile', 'show', '--format', 'pdf'])).code).toBe(2);
    expect((await run(['profile', 'show', '--as-of', '2026-02-30'])).code).toBe(2);
  });
});

describe('markdown', () => {
  it('headings, one numbered item per document and rule, nested details', async () => {
    const r = await run(['profile', 'show', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^# Chef du Service « Coopération Financière » \(OFPPT\)\n/);
    expect(out).toContain('\n## Pièces à fournir (6)\n');
    expect(out).toContain("\n## Conditions d'éligibilité (9)\n");
    expect(out).toContain('\n1. **Formulaire de candidature (F1, ou F2 pour les agents OFPPT)**\n   - Exigée : toujours\n');
    expect(out).toContain('\n1. **Âge**\n   - Avoir moins de 45 ans à la date de la vérification.\n');
    // Item 10 has a wider marker: its details must be indented by four spaces to nest.
    expect(out).toContain('\n10. `agentYearsInCategoryC`\n    - ');
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('escapes what the profile says, so a label never becomes markup', () => {
    expect(md('*bold* _x_ [link](u) <b> a|b # c')).toBe('\\*bold\\* \\_x\\_ \\[link\\](u) \\<b\\> a\\|b \\# c');
  });
});

describe('words and names', () => {
  it('conditions in words, nested groups bracketed', async () => {
    const profile = await bundledProfile();
    const ctx = { facts: profile.facts, timezone: profile.timezone };
    const grade = profile.rules.find((r) => r.id === 'agent-grade')!.check;
    expect(conditionWords(grade, 'en', ctx)).toBe(
      'pay scale: at least 19 or (pay scale: at least 16 and years in category C: at least 4)',
    );
    expect(conditionWords({ not: { fact: 'nationality', in: ['MA', 'FR', 'ES'] } }, 'fr', ctx)).toBe(
      'ne pas remplir la condition : nationalité : MA, FR ou ES',
    );
    expect(conditionWords({ fact: 'submittedAt', notAfter: '2026-02-22T00:30:00+01:00' }, 'en', ctx)).toBe(
      'submitted: no later than 2026-02-21 23:30 (Africa/Casablanca)',
    );
    expect(conditionWords({ fact: 'experienceYears', min: 4.5 }, 'fr', ctx)).toBe(
      "années d'expérience : au moins 4,5",
    );
  });

  it.each(readdirSync('samples/profiles').filter((f) => f.endsWith('.yaml')))(
    '%s: every example name offered is recognised as its document (and variant)',
    async (file) => {
      const loaded = await loadProfile(join('samples/profiles', file));
      if (!loaded.ok) throw new Error('invalid profile');
      const profile = loaded.profile;
      for (const doc of profile.documents) {
        const examples = exampleNames(profile, doc);
        expect(examples.length, doc.id).toBeGreaterThan(0);
        for (const e of examples) {
          expect(documentFor(profile, e.file)?.id, e.file).toBe(doc.id);
          if (e.variant) expect(variantOf(doc, e.file)).toBe(e.variant);
        }
      }
    },
  );
});
