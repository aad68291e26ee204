#!/usr/bin/env node
// Writes samples/dossiers-formateur/: one candidate folder for the second example profile
// (samples/profiles/ofppt-2026-formateur-gestion.yaml), to show that a new posting is a new
// YAML file and no code: other documents (cover letter, work certificate), other facts.
//
//   node scripts/make-formateur-samples.mjs
//
// Real PDFs drawn with pdf-lib (Helvetica, WinAnsi text). Deterministic: fixed metadata dates,
// no object streams, no randomness; regenerating must not produce a git diff. Only the folders
// this script names are replaced.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'samples', 'dossiers-formateur');
const A4 = [595.28, 841.89];
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.42, 0.42, 0.45);
const ACCENT = rgb(0.1, 0.35, 0.3);

const candidate = {
  folder: '01-amina-el-fassi-complet',
  facts: {
    fullName: 'Amina El Fassi',
    birthDate: '1994-09-03',
    nationality: 'MA',
    diplomaLevel: 'licence',
    diplomaField: 'gestion',
    diplomaForeign: false,
    experienceYears: 3,
    teachingExperience: true,
    languages: ['ar', 'fr', 'en'],
    submittedAt: '2026-03-20T10:15:00',
  },
  city: 'Fès',
  address: ['27, avenue Hassan II, Atlas', '30000 Fès'],
  email: 'amina.elfassi@example.com',
  phone: '06 62 31 40 18',
  cin: 'C638104',
};

async function newDoc(title) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const date = new Date(Date.parse(`${candidate.facts.submittedAt}Z`) - 2 * 86400000);
  doc.setTitle(title);
  doc.setAuthor(candidate.facts.fullName);
  doc.setCreator('dossier scripts/make-formateur-samples.mjs');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  return { doc, fonts };
}

const save = (doc) => doc.save({ useObjectStreams: false });

function wrap(text, font, size, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws blocks of text top-down on A4 pages; a block is [text, { bold, size, gap }]. */
function flow(doc, fonts, blocks, footer) {
  const margin = 64;
  let page = doc.addPage(A4);
  let y = A4[1] - margin;
  for (const [text, opts = {}] of blocks) {
    if (text === '\f') {
      page = doc.addPage(A4);
      y = A4[1] - margin;
      continue;
    }
    const font = opts.bold ? fonts.bold : fonts.regular;
    const size = opts.size ?? 10.5;
    for (const line of wrap(text, font, size, A4[0] - 2 * margin)) {
      y -= size * 1.4;
      page.drawText(line, { x: margin, y, font, size, color: opts.color ?? INK });
    }
    y -= opts.gap ?? 6;
  }
  const pages = doc.getPages();
  pages.forEach((p, i) =>
    p.drawText(`${footer} - page ${i + 1} / ${pages.length}`, { x: margin, y: 32, font: fonts.regular, size: 8, color: GREY }),
  );
}

async function coverLetter(c) {
  const { doc, fonts } = await newDoc('Lettre de motivation');
  flow(
    doc,
    fonts,
    [
      [c.facts.fullName, { bold: true }],
      [c.address.join(', '), { gap: 2 }],
      [`${c.email} - ${c.phone}`, { gap: 24 }],
      ['À Monsieur le Directeur régional de l\'OFPPT, Fès-Meknès', { gap: 18 }],
      [`Fès, le 18 mars 2026`, { gap: 18 }],
      ['Objet : candidature au poste de formateur en gestion des entreprises', { bold: true, gap: 14 }],
      ['Monsieur le Directeur,', { gap: 10 }],
      [
        "Titulaire d'une Licence en sciences de gestion de l'Université Sidi Mohamed Ben Abdellah et forte de trois années d'expérience en contrôle de gestion dans une PME industrielle, je souhaite mettre ces compétences au service des stagiaires de l'OFPPT.",
      ],
      [
        "Depuis deux ans, j'anime chaque semaine des ateliers de comptabilité et de tableaux de bord pour les nouveaux collaborateurs de mon entreprise ; cette expérience m'a confirmé mon goût pour la transmission et la pédagogie active.",
      ],
      [
        'Je serais heureuse de vous exposer mes motivations lors d\'un entretien. Je vous prie d\'agréer, Monsieur le Directeur, l\'expression de ma considération distinguée.',
        { gap: 24 },
      ],
      [c.facts.fullName, { bold: true }],
    ],
    'Lettre de motivation',
  );
  return save(doc);
}

async function cv(c) {
  const { doc, fonts } = await newDoc(`CV ${c.facts.fullName}`);
  flow(
    doc,
    fonts,
    [
      [c.facts.fullName.toUpperCase(), { bold: true, size: 18, color: ACCENT, gap: 4 }],
      ['Contrôleuse de gestion - formatrice interne', { gap: 4 }],
      [`${c.address.join(', ')} - ${c.email} - ${c.phone}`, { size: 9, gap: 18 }],
      ['FORMATION', { bold: true, color: ACCENT }],
      ['2016 : Licence en sciences de gestion, Université Sidi Mohamed Ben Abdellah, Fès (mention Assez bien)'],
      ['2013 : Baccalauréat sciences économiques et gestion, Lycée Moulay Idriss, Fès', { gap: 14 }],
      ['EXPÉRIENCE', { bold: true, color: ACCENT }],
      ['2023 - aujourd\'hui : Contrôleuse de gestion, Atlas Emballages SARL, Fès', { bold: true }],
      ['Tableaux de bord mensuels, budgets, suivi des coûts de production ; formation des nouveaux collaborateurs.'],
      ['2022 - 2023 : Assistante comptable, Cabinet Benjelloun & Associés, Fès', { bold: true }],
      ['Saisie, rapprochements bancaires, déclarations de TVA.', { gap: 14 }],
      ['\f'],
      ['ANIMATION ET FORMATION', { bold: true, color: ACCENT }],
      ['Ateliers hebdomadaires « Lire un compte de résultat » et « Construire un tableau de bord » (2024 - 2026).'],
      ['Tutorat de trois stagiaires de BTS comptabilité.', { gap: 14 }],
      ['LANGUES', { bold: true, color: ACCENT }],
      ['Arabe : langue maternelle - Français : courant - Anglais : intermédiaire', { gap: 14 }],
      ['INFORMATIQUE', { bold: true, color: ACCENT }],
      ['Excel (tableaux croisés, Power Query), Sage Comptabilité, Power BI'],
    ],
    `CV ${c.facts.fullName}`,
  );
  return save(doc);
}

async function diploma(c) {
  const { doc, fonts } = await newDoc('Diplôme de Licence');
  const page = doc.addPage([A4[1], A4[0]]);
  const center = (text, y, font, size) =>
    page.drawText(text, { x: (page.getWidth() - font.widthOfTextAtSize(text, size)) / 2, y, font, size, color: INK });
  page.drawRectangle({ x: 28, y: 28, width: page.getWidth() - 56, height: page.getHeight() - 56, borderColor: ACCENT, borderWidth: 3 });
  center('ROYAUME DU MAROC', 520, fonts.bold, 14);
  center('Université Sidi Mohamed Ben Abdellah - Fès', 494, fonts.regular, 13);
  center('Faculté des Sciences Juridiques, Économiques et Sociales', 474, fonts.regular, 11);
  center('DIPLÔME DE LICENCE', 410, fonts.bold, 28);
  center('Filière : Sciences de gestion', 370, fonts.regular, 14);
  center(`décerné à ${c.facts.fullName}, née le 3 septembre 1994 à Fès`, 330, fonts.regular, 13);
  center('Session de juin 2016 - Mention : Assez bien', 300, fonts.regular, 12);
  center('Le Président de l\'Université', 150, fonts.bold, 11);
  return save(doc);
}

async function workCertificate(c) {
  const { doc, fonts } = await newDoc('Attestation de travail');
  flow(
    doc,
    fonts,
    [
      ['ATLAS EMBALLAGES SARL', { bold: true, size: 14, color: ACCENT, gap: 2 }],
      ['Zone industrielle Sidi Brahim, lot 112, 30000 Fès - RC 48213', { size: 9, gap: 40 }],
      ['ATTESTATION DE TRAVAIL', { bold: true, size: 16, gap: 24 }],
      [
        `Nous soussignés, Atlas Emballages SARL, attestons que Madame ${c.facts.fullName}, titulaire de la CIN n° ${c.cin}, est employée dans notre société depuis le 2 janvier 2023 en qualité de contrôleuse de gestion, à temps plein.`,
      ],
      ['La présente attestation lui est délivrée à sa demande pour servir et valoir ce que de droit.', { gap: 24 }],
      ['Fait à Fès, le 16 mars 2026', { gap: 12 }],
      ['Le Directeur des ressources humaines', { bold: true }],
    ],
    'Attestation de travail',
  );
  return save(doc);
}

async function idCard(c) {
  const { doc, fonts } = await newDoc('CIN recto-verso');
  const page = doc.addPage(A4);
  const card = (y, title, lines) => {
    page.drawRectangle({ x: 140, y, width: 315, height: 200, color: rgb(0.93, 0.95, 0.93), borderColor: GREY, borderWidth: 1 });
    page.drawText(title, { x: 156, y: y + 176, font: fonts.bold, size: 11, color: ACCENT });
    lines.forEach((l, i) => page.drawText(l, { x: 156, y: y + 150 - i * 18, font: fonts.regular, size: 10, color: INK }));
  };
  card(560, 'ROYAUME DU MAROC - CARTE NATIONALE D\'IDENTITÉ', [
    'Nom : EL FASSI',
    'Prénom : Amina',
    'Née le 03.09.1994 à Fès',
    `N° ${c.cin}`,
    'Valable jusqu\'au 11.05.2032',
  ]);
  card(300, 'VERSO', ['Adresse : 27, av. Hassan II, Atlas, Fès', 'Fille de Mohammed et de Khadija', 'Sexe : F']);
  return save(doc);
}

function candidateYaml(c) {
  const f = c.facts;
  return `# yaml-language-server: $schema=../../../schemas/candidate.ofppt-2026-formateur-gestion.schema.json
#
# Déclaration du candidat : Formateur en gestion des entreprises (OFPPT)
# (profil ofppt-2026-formateur-gestion)
fullName: ${f.fullName}
birthDate: ${f.birthDate}
nationality: ${f.nationality}
diplomaLevel: ${f.diplomaLevel}
diplomaField: ${f.diplomaField}
diplomaForeign: ${f.diplomaForeign}
experienceYears: ${f.experienceYears}
teachingExperience: ${f.teachingExperience}
languages: [${f.languages.join(', ')}]
submittedAt: ${f.submittedAt}
`;
}

const README = `# Exemple de dossier : formateur en gestion

Un dossier fictif pour le second profil d'exemple, \`samples/profiles/ofppt-2026-formateur-gestion.yaml\`
(formateur en gestion des entreprises). Il montre qu'un nouveau poste est un nouveau fichier YAML,
sans une ligne de code : d'autres pièces (lettre de motivation, attestation de travail), d'autres
déclarations (spécialité du diplôme, expérience d'enseignement), une limite d'âge de 40 ans.

Généré par \`node scripts/make-formateur-samples.mjs\` (sortie déterministe) : ne modifiez pas ces
fichiers à la main.

| Dossier | Verdict attendu | Ce qu'il montre |
| --- | --- | --- |
| \`${candidate.folder}\` | recevable (accepted) | Licence en gestion, 3 ans d'expérience (l'attestation de travail est donc exigée et fournie), 31 ans, dépôt le 20 mars 2026. |

\`\`\`sh
dossier check --profile samples/profiles/ofppt-2026-formateur-gestion.yaml samples/dossiers-formateur/${candidate.folder}
\`\`\`
`;

async function main() {
  const dir = join(OUT, candidate.folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = {
    'Lettre de motivation.pdf': await coverLetter(candidate),
    'CV Amina El Fassi.pdf': await cv(candidate),
    'Diplôme Licence Gestion.pdf': await diploma(candidate),
    'Attestation de travail - Atlas Emballages.pdf': await workCertificate(candidate),
    'CIN recto-verso.pdf': await idCard(candidate),
  };
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(dir, name), bytes);
    console.log(`${candidate.folder}/${name}  (${(await PDFDocument.load(bytes)).getPageCount()} p.)`);
  }
  writeFileSync(join(dir, 'candidate.yaml'), candidateYaml(candidate));
  writeFileSync(join(OUT, 'README.md'), README);
}

await main();
