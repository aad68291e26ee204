#!/usr/bin/env node
// Writes the example candidate folders of samples/dossiers/: one folder per situation worth
// showing (complete, wrong form, foreign diploma without equivalence, two-page ID card...).
//
//   node scripts/make-samples.mjs      (or: npm run samples)
//
// Every file is a real document: PDFs drawn with pdf-lib (Helvetica, WinAnsi text), the ID
// card "scans" are PNG images built here, and the Word CV is a real .docx (a ZIP written by
// hand). The output is byte-for-byte deterministic: fixed metadata dates, no object streams,
// no randomness, stored ZIP entries with a fixed DOS timestamp. Regenerating must not produce
// a git diff; if it does, something here reads the clock or the environment.
//
// Only the folders named 0*-* (which this script owns) and README.md are replaced; anything
// else in samples/dossiers is left alone.
import { rmSync, mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { PDFDocument, PDFPage, StandardFonts, rgb, degrees } from 'pdf-lib';
import { pngFromScanlines } from './lib/png.mjs';

// pdf-lib's drawText({ font }) registers the font in the page's resources under a fresh name on
// every call, and again to restore the previous font: 100+ names per page, ~2 KB each. Register
// each font once per page and switch between the names. (The names come from a seeded
// generator, so output is deterministic either way; this is only about size.)
const drawTextOnce = PDFPage.prototype.drawText;
PDFPage.prototype.drawText = function (text, options = {}) {
  const { font, ...rest } = options;
  if (font && this.font !== font) {
    this.fontKeys ??= new Map();
    if (this.fontKeys.has(font)) { this.font = font; this.fontKey = this.fontKeys.get(font); }
    else { this.setFont(font); this.fontKeys.set(font, this.fontKey); }
  }
  return drawTextOnce.call(this, text, rest);
};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'samples', 'dossiers');

const A4 = [595.28, 841.89];
const A4_LANDSCAPE = [841.89, 595.28];
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.42, 0.42, 0.45);
const LIGHT = rgb(0.85, 0.86, 0.88);
const ACCENT = rgb(0.05, 0.3, 0.45);
const STAMP = rgb(0.15, 0.25, 0.65);
const RED = rgb(0.7, 0.1, 0.12);

// ---------------------------------------------------------------------------------------------
// The candidates. Birth dates keep every eligible candidate under 45 until at least 2033.
// ---------------------------------------------------------------------------------------------

const candidates = [
  {
    folder: '01-salma-bennani-externe-complet',
    verdict: 'accepted',
    demonstrates: 'Candidate externe, dossier complet et conforme : les cinq pièces, noms de fichiers usuels (accents, tiret bas, apostrophe).',
    facts: {
      applicantType: 'external', fullName: 'Salma Bennani', birthDate: '1990-05-14', nationality: 'MA',
      diplomaLevel: 'master', diplomaForeign: false, experienceYears: 9, languages: ['ar', 'fr', 'en'],
      submittedAt: '2026-02-20T18:30:00',
    },
    nom: 'BENNANI', prenom: 'Salma', sex: 'F', birthPlace: 'Rabat', cin: 'AB482913', cinExpiry: '2031-03-21',
    father: 'Abdelkader', mother: 'Naima Lahlou',
    address: ['12, rue Oued Ziz, Agdal', '10090 Rabat'], phone: '06 61 00 14 52', email: 'salma.bennani@example.com',
    place: 'Rabat',
    diploma: {
      country: 'ROYAUME DU MAROC', level: 'Diplôme de Master', university: 'Université Mohammed V de Rabat',
      faculty: 'Faculté des Sciences Juridiques, Économiques et Sociales - Agdal',
      speciality: 'Relations Internationales et Diplomatie', year: 2014, mention: 'Bien', city: 'Rabat',
      signatory: 'Le Président de l\'Université',
    },
    employer: 'Agence Marocaine de Coopération Internationale (AMCI)', position: 'Chargée de programmes de coopération financière',
    profile: 'Chargée de programmes de coopération avec neuf années d\'expérience dans le montage et le suivi de projets financés par des bailleurs bilatéraux et multilatéraux. Habituée au dialogue avec les agences de coopération européennes et africaines, à la négociation de conventions de financement et au reporting financier auprès des partenaires.',
    jobs: [
      {
        from: '03/2020', to: 'aujourd\'hui', title: 'Chargée de programmes de coopération financière',
        org: 'Agence Marocaine de Coopération Internationale (AMCI), Rabat',
        bullets: [
          'Pilotage d\'un portefeuille de 14 projets de coopération Sud-Sud (formation, insertion des jeunes) pour un montant global de 96 millions de dirhams.',
          'Préparation et négociation de conventions de financement avec des partenaires d\'Afrique de l\'Ouest et centrale.',
          'Suivi administratif et financier des engagements, tableaux de bord trimestriels et rapports de clôture.',
          'Coordination des missions conjointes avec la GIZ, l\'AFD et la Délégation de l\'Union européenne.',
        ],
      },
      {
        from: '01/2017', to: '02/2020', title: 'Chargée d\'études, financements extérieurs',
        org: 'Ministère de l\'Économie et des Finances, Direction du Trésor et des Finances Extérieures, Rabat',
        bullets: [
          'Instruction des requêtes de financement auprès de la Banque africaine de développement et de la Banque mondiale.',
          'Suivi des décaissements et des conditions suspensives de six accords de prêt et de don.',
          'Rédaction de notes de synthèse pour les comités de pilotage et les revues à mi-parcours.',
        ],
      },
      {
        from: '09/2014', to: '12/2016', title: 'Assistante de gestion de projets',
        org: 'Cabinet Atlas Conseil & Développement, Casablanca',
        bullets: [
          'Appui à la gestion d\'un programme d\'appui budgétaire sectoriel financé par l\'Union européenne (formation professionnelle).',
          'Élaboration des plans de passation des marchés et des rapports d\'avancement semestriels.',
          'Organisation d\'ateliers de concertation avec les opérateurs de formation et les fédérations professionnelles.',
        ],
      },
    ],
    training: [
      ['2014', 'Master Relations Internationales et Diplomatie, Université Mohammed V de Rabat (mention Bien)'],
      ['2012', 'Licence en Sciences Économiques et Gestion, Université Mohammed V de Rabat'],
      ['2019', 'Certification PMP (Project Management Professional), PMI'],
    ],
    skills: ['Montage et évaluation de projets (cadre logique, gestion axée sur les résultats)', 'Procédures des bailleurs : UE (PRAG), Banque mondiale, BAD, AFD', 'Négociation et rédaction de conventions et protocoles d\'accord', 'Reporting financier, suivi budgétaire, outils MS Project et Power BI'],
    languageLevels: [['Arabe', 'langue maternelle'], ['Français', 'courant (C2)'], ['Anglais', 'courant (C1)'], ['Espagnol', 'notions (A2)']],
    files: { form: 'Formulaire F1 - Salma Bennani.pdf', cv: 'CV Salma Bennani.pdf', diploma: 'Diplôme_MASTER.pdf', cni: 'CIN recto-verso.pdf', plan: 'Plan d\'action.pdf' },
  },
  {
    folder: '02-youssef-alaoui-agent-derogation',
    verdict: 'accepted',
    demonstrates: 'Agent OFPPT éligible par dérogation : échelle 16 avec 5 ans en catégorie C et une formation en finance ; formulaire F2.',
    facts: {
      applicantType: 'agent', fullName: 'Youssef Alaoui', birthDate: '1988-11-03', nationality: 'MA',
      diplomaLevel: 'master', diplomaForeign: false, experienceYears: 6, languages: ['ar', 'fr', 'en'],
      agentScale: 16, agentYearsInCategoryC: 5, financeBackground: true, submittedAt: '2026-02-19T10:12:00',
    },
    nom: 'ALAOUI', prenom: 'Youssef', sex: 'M', birthPlace: 'Casablanca', cin: 'BE734512', cinExpiry: '2029-09-14',
    father: 'Ahmed', mother: 'Fatima Berrada',
    address: ['45, boulevard Ghandi, Maârif', '20330 Casablanca'], phone: '06 62 00 38 17', email: 'youssef.alaoui@example.com',
    place: 'Casablanca',
    agent: { matricule: '48213', assignment: 'Direction Financière, Siège OFPPT, Casablanca', grade: 'Cadre', scale: 16, categoryCSince: '01/01/2021' },
    diploma: {
      country: 'ROYAUME DU MAROC', level: 'Diplôme de Master', university: 'Université Hassan II de Casablanca',
      faculty: 'Faculté des Sciences Juridiques, Économiques et Sociales - Aïn Sebaâ',
      speciality: 'Finance, Audit et Contrôle de Gestion', year: 2012, mention: 'Assez bien', city: 'Casablanca',
      signatory: 'Le Président de l\'Université',
    },
    employer: 'OFPPT, Direction Financière', position: 'Cadre chargé du suivi financier des projets de coopération',
    profile: 'Cadre financier de l\'OFPPT depuis 2013, chargé depuis 2020 du suivi budgétaire et comptable des projets financés par les partenaires techniques et financiers de l\'Office. Bonne maîtrise des procédures de décaissement des bailleurs et du reporting financier.',
    jobs: [
      {
        from: '01/2020', to: 'aujourd\'hui', title: 'Cadre chargé du suivi financier des projets de coopération',
        org: 'OFPPT, Direction Financière, Casablanca',
        bullets: [
          'Suivi budgétaire et comptable de huit projets financés par l\'Union européenne, la KfW et l\'AFD (formation dans les secteurs industriels).',
          'Préparation des demandes de décaissement, des rapports financiers intermédiaires et des audits de fin de projet.',
          'Interface avec les missions de supervision des bailleurs et la Direction Afrique et International.',
          'Mise en place d\'un tableau de bord de suivi des engagements et des contreparties nationales.',
        ],
      },
      {
        from: '03/2013', to: '12/2019', title: 'Comptable, puis chef de section comptabilité fournisseurs',
        org: 'OFPPT, Direction Financière, Casablanca',
        bullets: [
          'Tenue de la comptabilité fournisseurs et rapprochements bancaires (plus de 4 000 pièces par an).',
          'Participation à la clôture des comptes annuels et aux missions du commissaire aux comptes.',
          'Encadrement d\'une équipe de quatre agents à partir de 2017.',
        ],
      },
    ],
    training: [
      ['2012', 'Master Finance, Audit et Contrôle de Gestion, Université Hassan II de Casablanca'],
      ['2010', 'Licence en Sciences de Gestion, option Finance, Université Hassan II de Casablanca'],
      ['2022', 'Formation certifiante « Gestion financière des projets financés par l\'UE », Institut de Formation Bancaire'],
    ],
    skills: ['Comptabilité générale et analytique, normes marocaines', 'Gestion financière de projets et procédures de décaissement des bailleurs', 'Audit et contrôle interne', 'Excel avancé, ERP Oracle Financials'],
    languageLevels: [['Arabe', 'langue maternelle'], ['Français', 'courant'], ['Anglais', 'bon niveau (B2)']],
    files: { form: 'F2_agent.pdf', cv: 'Curriculum Vitae.pdf', diploma: 'Diplome Master Finance.pdf', cni: 'Copie CNI.pdf', plan: 'proposition-plan-action.pdf' },
  },
  {
    folder: '03-karim-idrissi-diplome-etranger-sans-equivalence',
    verdict: 'incomplete',
    demonstrates: 'Diplôme étranger (Master, Université Lumière Lyon 2) sans l\'attestation d\'équivalence exigée ; le formulaire ne dit ni F1 ni F2 dans son nom.',
    facts: {
      applicantType: 'external', fullName: 'Karim Idrissi', birthDate: '1991-07-22', nationality: 'MA',
      diplomaLevel: 'master', diplomaForeign: true, experienceYears: 10, languages: ['ar', 'fr', 'en'],
      submittedAt: '2026-02-21T21:47:00',
    },
    nom: 'IDRISSI', prenom: 'Karim', sex: 'M', birthPlace: 'Fès', cin: 'C845210', cinExpiry: '2030-06-02',
    father: 'Driss', mother: 'Amina Tazi',
    address: ['8, avenue des FAR, Ville Nouvelle', '30000 Fès'], phone: '06 63 00 72 90', email: 'karim.idrissi@example.com',
    place: 'Fès',
    diploma: {
      country: 'RÉPUBLIQUE FRANÇAISE', level: 'Diplôme de Master', university: 'Université Lumière Lyon 2',
      faculty: 'Faculté de Sciences Économiques et de Gestion',
      speciality: 'Économie internationale et développement', year: 2015, mention: 'Bien', city: 'Lyon',
      signatory: 'Le Recteur de région académique, Chancelier des universités',
      ministry: 'Ministère de l\'Enseignement supérieur et de la Recherche',
    },
    employer: 'Programme des Nations Unies pour le Développement (PNUD), Rabat', position: 'Spécialiste programmes, partenariats et financements',
    profile: 'Économiste du développement, dix ans d\'expérience dans la conception et le suivi de programmes financés par des bailleurs internationaux, en France puis au Maroc. Spécialiste de la mobilisation de ressources et des partenariats avec les institutions financières de développement.',
    jobs: [
      {
        from: '04/2021', to: 'aujourd\'hui', title: 'Spécialiste programmes, partenariats et financements',
        org: 'Programme des Nations Unies pour le Développement (PNUD), Rabat',
        bullets: [
          'Mobilisation de ressources auprès de partenaires bilatéraux : 7,5 millions de dollars levés pour l\'emploi des jeunes.',
          'Négociation d\'accords de contribution et suivi de leur exécution financière.',
          'Coordination d\'un comité de pilotage réunissant quatre ministères et trois bailleurs.',
        ],
      },
      {
        from: '09/2018', to: '03/2021', title: 'Chargé de projets Afrique du Nord',
        org: 'Expertise France, Paris',
        bullets: [
          'Gestion de trois projets d\'appui à la formation professionnelle financés par l\'Union européenne (Maroc, Tunisie).',
          'Rédaction des propositions techniques et financières en réponse aux appels à propositions.',
          'Suivi budgétaire, gestion des contrats d\'experts et rapports aux bailleurs.',
        ],
      },
      {
        from: '10/2015', to: '08/2018', title: 'Chargé d\'études, financements internationaux',
        org: 'Agence Française de Développement (AFD), Paris',
        bullets: [
          'Analyse ex ante de projets d\'éducation et de formation en Afrique du Nord et de l\'Ouest.',
          'Préparation des dossiers d\'instruction et des notes aux comités de crédit.',
        ],
      },
    ],
    training: [
      ['2015', 'Master Économie internationale et développement, Université Lumière Lyon 2 (France)'],
      ['2013', 'Licence d\'Économie, Université Lumière Lyon 2 (France)'],
      ['2009', 'Baccalauréat Sciences Économiques, Lycée Moulay Idriss, Fès'],
    ],
    skills: ['Mobilisation de ressources et montage financier', 'Cadre logique, théorie du changement, suivi-évaluation', 'Procédures UE, AFD, Nations Unies', 'Analyse économique et financière de projets'],
    languageLevels: [['Arabe', 'langue maternelle'], ['Français', 'bilingue'], ['Anglais', 'courant (C1)']],
    files: { form: 'formulaire de candidature.pdf', cv: 'C.V Karim.pdf', diploma: 'Master Université de Lyon.pdf', cni: 'carte nationale.pdf', plan: 'Plan d\'action 2026.pdf' },
  },
  {
    folder: '04-nadia-cherkaoui-cni-deux-pages',
    verdict: 'incomplete',
    demonstrates: 'Dossier complet et candidate éligible, mais la copie de la CNI tient sur deux pages (recto page 1, verso page 2) alors que l\'annonce exige une seule page.',
    facts: {
      applicantType: 'external', fullName: 'Nadia Cherkaoui', birthDate: '1989-02-09', nationality: 'MA',
      diplomaLevel: 'master', diplomaForeign: false, experienceYears: 8, languages: ['ar', 'fr', 'en'],
      submittedAt: '2026-02-18T14:05:00',
    },
    nom: 'CHERKAOUI', prenom: 'Nadia', sex: 'F', birthPlace: 'Marrakech', cin: 'E398127', cinExpiry: '2032-11-08',
    father: 'Mustapha', mother: 'Latifa Bennis',
    address: ['Résidence Al Manar, imm. 3, apt 12, Guéliz', '40000 Marrakech'], phone: '06 64 00 25 31', email: 'nadia.cherkaoui@example.com',
    place: 'Marrakech',
    diploma: {
      country: 'ROYAUME DU MAROC', level: 'Diplôme de Master', university: 'Université Cadi Ayyad',
      faculty: 'Faculté des Sciences Juridiques, Économiques et Sociales - Marrakech',
      speciality: 'Management de Projets et Coopération Internationale', year: 2013, mention: 'Bien', city: 'Marrakech',
      signatory: 'Le Président de l\'Université',
    },
    employer: 'Agence de Développement Social, Coordination régionale Marrakech-Safi', position: 'Responsable des partenariats et de la coopération',
    profile: 'Responsable des partenariats d\'un établissement public, huit ans d\'expérience dans la conclusion et le suivi de conventions de coopération avec des bailleurs internationaux et des collectivités étrangères.',
    jobs: [
      {
        from: '02/2019', to: 'aujourd\'hui', title: 'Responsable des partenariats et de la coopération',
        org: 'Agence de Développement Social, Coordination régionale Marrakech-Safi',
        bullets: [
          'Conclusion de 11 conventions de partenariat avec des bailleurs internationaux (UE, JICA, coopération belge Enabel).',
          'Suivi technique et financier des projets cofinancés et préparation des rapports aux partenaires.',
          'Animation d\'un réseau de 40 associations partenaires et organisation des comités de suivi.',
        ],
      },
      {
        from: '10/2017', to: '01/2019', title: 'Chargée de projets de coopération décentralisée',
        org: 'Conseil de la Région Marrakech-Safi',
        bullets: [
          'Montage de projets de coopération avec des régions françaises et espagnoles.',
          'Préparation des dossiers de candidature aux fonds européens de voisinage.',
        ],
      },
      {
        from: '09/2013', to: '09/2017', title: 'Assistante de programme',
        org: 'Enabel, Agence belge de développement, Rabat',
        bullets: [
          'Appui au suivi d\'un programme de formation professionnelle dans le secteur agricole.',
          'Tenue des tableaux de bord budgétaires et préparation des missions de suivi.',
        ],
      },
    ],
    training: [
      ['2013', 'Master Management de Projets et Coopération Internationale, Université Cadi Ayyad'],
      ['2011', 'Licence en Économie et Gestion, Université Cadi Ayyad'],
    ],
    skills: ['Gestion du cycle de projet', 'Conventions de partenariat et coopération décentralisée', 'Suivi-évaluation et reporting aux bailleurs', 'Animation de réseaux et facilitation d\'ateliers'],
    languageLevels: [['Arabe', 'langue maternelle'], ['Français', 'courant'], ['Anglais', 'courant'], ['Espagnol', 'intermédiaire']],
    cniPages: 2,
    files: { form: 'Formulaire F1 Nadia Cherkaoui.pdf', cv: 'CV Nadia Cherkaoui.pdf', diploma: 'Diplôme Master Nadia.pdf', cni: 'CNI.pdf', plan: 'Plan d\'action Nadia Cherkaoui.pdf' },
  },
  {
    folder: '05-omar-tazi-cv-word',
    verdict: 'incomplete',
    demonstrates: 'Candidat éligible dont le CV est un document Word (.docx) et non un PDF comme l\'exige l\'annonce.',
    facts: {
      applicantType: 'external', fullName: 'Omar Tazi', birthDate: '1992-01-30', nationality: 'MA',
      diplomaLevel: 'master', diplomaForeign: false, experienceYears: 6, languages: ['ar', 'fr', 'en'],
      submittedAt: '2026-02-20T23:15:00',
    },
    nom: 'TAZI', prenom: 'Omar', sex: 'M', birthPlace: 'Tanger', cin: 'K512904', cinExpiry: '2033-01-17',
    father: 'Rachid', mother: 'Souad Kettani',
    address: ['23, rue de Fès, Quartier Iberia', '90000 Tanger'], phone: '06 65 00 81 46', email: 'omar.tazi@example.com',
    place: 'Tanger',
    diploma: {
      country: 'ROYAUME DU MAROC', level: 'Diplôme de Master', university: 'Université Abdelmalek Essaâdi',
      faculty: 'Faculté des Sciences Juridiques, Économiques et Sociales - Tanger',
      speciality: 'Économie et Finance Internationales', year: 2015, mention: 'Très bien', city: 'Tétouan',
      signatory: 'Le Président de l\'Université',
    },
    employer: 'Agence pour la Promotion et le Développement du Nord, Tanger', position: 'Chargé de la coopération internationale',
    profile: 'Chargé de coopération internationale, six ans d\'expérience dans la recherche de financements et le suivi de projets cofinancés par des partenaires européens.',
    jobs: [
      {
        from: '01/2020', to: 'aujourd\'hui', title: 'Chargé de la coopération internationale',
        org: 'Agence pour la Promotion et le Développement du Nord, Tanger',
        bullets: [
          'Identification d\'opportunités de financement et montage de dossiers auprès de l\'UE et de la coopération espagnole.',
          'Suivi financier de cinq projets transfrontaliers et préparation des rapports aux bailleurs.',
          'Organisation de missions de partenaires et de tables rondes de bailleurs.',
        ],
      },
      {
        from: '09/2015', to: '12/2019', title: 'Analyste financier',
        org: 'Banque Populaire du Nord, Tanger',
        bullets: [
          'Analyse financière de projets d\'investissement des PME exportatrices.',
          'Suivi des lignes de crédit de la BEI et de la BERD rétrocédées aux PME.',
        ],
      },
    ],
    training: [
      ['2015', 'Master Économie et Finance Internationales, Université Abdelmalek Essaâdi'],
      ['2013', 'Licence en Sciences Économiques, Université Abdelmalek Essaâdi'],
    ],
    skills: ['Recherche de financements et montage de projets', 'Analyse financière', 'Procédures des programmes européens de coopération transfrontalière'],
    languageLevels: [['Arabe', 'langue maternelle'], ['Français', 'courant'], ['Anglais', 'courant'], ['Espagnol', 'courant']],
    cvDocx: true,
    files: { form: 'Formulaire_F1_Omar_Tazi.pdf', cv: 'CV Omar Tazi.docx', diploma: 'Diplome Master - Omar Tazi.pdf', cni: 'CIN Omar Tazi.pdf', plan: 'Plan d\'action.pdf' },
  },
  {
    folder: '06-hicham-ouazzani-non-eligible',
    verdict: 'ineligible',
    demonstrates: 'Dossier complet (diplôme étranger accompagné de son attestation d\'équivalence) mais candidat non éligible : plus de 45 ans, Licence seulement, 2 ans d\'expérience.',
    facts: {
      applicantType: 'external', fullName: 'Hicham Ouazzani', birthDate: '1979-03-02', nationality: 'MA',
      diplomaLevel: 'licence', diplomaForeign: true, experienceYears: 2, languages: ['ar', 'fr', 'en'],
      submittedAt: '2026-02-17T09:40:00',
    },
    nom: 'OUAZZANI', prenom: 'Hicham', sex: 'M', birthPlace: 'Meknès', cin: 'D276341', cinExpiry: '2028-04-25',
    father: 'Mohammed', mother: 'Zineb Amrani',
    address: ['17, rue Antsirabé, Hamria', '50000 Meknès'], phone: '06 66 00 53 08', email: 'hicham.ouazzani@example.com',
    place: 'Meknès',
    diploma: {
      country: 'RÉPUBLIQUE FRANÇAISE', level: 'Diplôme de Licence', university: 'Université de Montpellier',
      faculty: 'Faculté d\'Économie',
      speciality: 'Sciences économiques', year: 2003, mention: 'Passable', city: 'Montpellier',
      signatory: 'Le Recteur d\'académie, Chancelier des universités',
      ministry: 'Ministère de la Jeunesse, de l\'Éducation nationale et de la Recherche',
    },
    equivalence: { number: '2298/04', date: '2004-06-15', equivalentTo: 'la Licence en Sciences Économiques' },
    employer: 'Chambre de Commerce, d\'Industrie et de Services Fès-Meknès', position: 'Chargé des partenariats internationaux',
    profile: 'Ancien cadre bancaire reconverti depuis 2024 dans les partenariats internationaux d\'une chambre consulaire.',
    jobs: [
      {
        from: '01/2024', to: 'aujourd\'hui', title: 'Chargé des partenariats internationaux',
        org: 'Chambre de Commerce, d\'Industrie et de Services Fès-Meknès',
        bullets: [
          'Suivi de deux conventions de jumelage avec des chambres de commerce européennes.',
          'Organisation de missions économiques et de rencontres d\'affaires.',
        ],
      },
      {
        from: '09/2004', to: '12/2023', title: 'Conseiller clientèle, puis directeur d\'agence',
        org: 'Crédit Agricole du Maroc, Meknès',
        bullets: [
          'Gestion d\'un portefeuille de clients professionnels et agricoles.',
          'Direction d\'une agence de 9 collaborateurs de 2012 à 2023.',
        ],
      },
    ],
    training: [
      ['2003', 'Licence de Sciences économiques, Université de Montpellier (France), équivalence 2004'],
      ['1998', 'Baccalauréat Sciences Économiques, Lycée Moulay Ismaïl, Meknès'],
    ],
    skills: ['Relation clientèle institutionnelle', 'Analyse de crédit', 'Organisation d\'événements économiques'],
    languageLevels: [['Arabe', 'langue maternelle'], ['Français', 'courant'], ['Anglais', 'intermédiaire']],
    files: {
      form: 'F1 Hicham Ouazzani.pdf', cv: 'CV_Hicham_Ouazzani.pdf', diploma: 'Diplôme Licence.pdf',
      equivalence: 'Attestation d\'équivalence du diplôme.pdf', cni: 'CNI recto verso.pdf', plan: 'Plan d\'action.pdf',
    },
  },
  {
    folder: '07-fatima-zahra-el-amrani-agent-f1',
    verdict: 'incomplete',
    demonstrates: 'Agente OFPPT (échelle 19, formation financière) qui a envoyé le formulaire F1 des candidats externes au lieu du F2 ; le reste est complet.',
    facts: {
      applicantType: 'agent', fullName: 'Fatima Zahra El Amrani', birthDate: '1990-09-17', nationality: 'MA',
      diplomaLevel: 'doctorat', diplomaForeign: false, experienceYears: 7, languages: ['ar', 'fr', 'en'],
      agentScale: 19, agentYearsInCategoryC: 8, financeBackground: true, submittedAt: '2026-02-21T11:20:00',
    },
    nom: 'EL AMRANI', prenom: 'Fatima Zahra', sex: 'F', birthPlace: 'Kénitra', cin: 'G634018', cinExpiry: '2030-12-03',
    father: 'Abdellah', mother: 'Hafsa Chraibi',
    address: ['5, rue Ibn Khaldoun, Val Fleuri', '14000 Kénitra'], phone: '06 67 00 96 24', email: 'fz.elamrani@example.com',
    place: 'Rabat',
    diploma: {
      country: 'ROYAUME DU MAROC', level: 'Diplôme de Doctorat', university: 'Université Ibn Tofail',
      faculty: 'Faculté d\'Économie et de Gestion - Kénitra',
      speciality: 'Sciences de Gestion (Finance)', year: 2019, mention: 'Très honorable', city: 'Kénitra',
      signatory: 'Le Président de l\'Université',
    },
    employer: 'OFPPT, Direction Afrique et International, Casablanca', position: 'Chef de projets partenariats financiers',
    profile: 'Docteure en sciences de gestion, agente de l\'OFPPT depuis 2017, en charge depuis 2019 de projets de partenariat financier avec des bailleurs africains et européens.',
    jobs: [
      {
        from: '06/2019', to: 'aujourd\'hui', title: 'Chef de projets partenariats financiers',
        org: 'OFPPT, Direction Afrique et International, Casablanca',
        bullets: [
          'Montage de trois conventions de financement avec la KfW et la BAD pour des centres de formation sectoriels.',
          'Suivi financier et reporting des projets, préparation des comités de pilotage.',
          'Coordination des missions de formation de formateurs au profit de pays africains partenaires.',
        ],
      },
      {
        from: '02/2017', to: '05/2019', title: 'Contrôleuse de gestion',
        org: 'OFPPT, Direction Régionale Rabat-Salé-Kénitra',
        bullets: [
          'Élaboration et suivi du budget régional, analyse des écarts.',
          'Mise en place de tableaux de bord de pilotage des établissements.',
        ],
      },
    ],
    training: [
      ['2019', 'Doctorat en Sciences de Gestion (Finance), Université Ibn Tofail, mention Très honorable'],
      ['2014', 'Master Finance et Ingénierie Financière, Université Ibn Tofail'],
    ],
    skills: ['Ingénierie financière de projets', 'Contrôle de gestion et budgétisation', 'Procédures KfW, BAD, UE'],
    languageLevels: [['Arabe', 'langue maternelle'], ['Français', 'courant'], ['Anglais', 'courant (C1)']],
    agent: { matricule: '51876', assignment: 'Direction Afrique et International, Siège OFPPT, Casablanca', grade: 'Cadre principal', scale: 19, categoryCSince: '01/01/2018' },
    formOverride: 'F1',
    files: { form: 'Formulaire F1.pdf', cv: 'CV.pdf', diploma: 'Diplome_Doctorat.pdf', cni: 'CNIE.pdf', plan: 'Plan-Action.pdf' },
  },
  {
    folder: '08-leila-benjelloun-formulaire-rempli-divergent',
    verdict: 'accepted',
    demonstrates: 'Formulaire F1 rempli dans ses champs (PDF à remplir) : sa date de naissance diffère de candidate.yaml (avertissement), sa nationalité complète candidate.yaml qui ne la donne pas ; le CV porte le nom donné par le scanner, scan0001.pdf, et est reconnu à son contenu.',
    facts: {
      applicantType: 'external', fullName: 'Leila Benjelloun', birthDate: '1991-04-15',
      diplomaLevel: 'master', diplomaForeign: false, experienceYears: 7, languages: ['ar', 'fr', 'en'],
      submittedAt: '2026-02-16T16:45:00',
    },
    nom: 'BENJELLOUN', prenom: 'Leïla', sex: 'F', birthPlace: 'Fès', cin: 'C912457', cinExpiry: '2031-08-30',
    father: 'Mohamed', mother: 'Karima Sqalli',
    address: ['27, avenue Hassan II, Agdal', '10090 Rabat'], phone: '06 68 00 47 19', email: 'leila.benjelloun@example.com',
    place: 'Rabat',
    diploma: {
      country: 'ROYAUME DU MAROC', level: 'Diplôme de Master', university: 'Université Sidi Mohamed Ben Abdellah',
      faculty: 'Faculté des Sciences Juridiques, Économiques et Sociales - Fès',
      speciality: 'Finance Internationale et Gestion des Risques', year: 2016, mention: 'Bien', city: 'Fès',
      signatory: 'Le Président de l\'Université',
    },
    employer: 'Fonds d\'Équipement Communal, Rabat', position: 'Chargée des financements extérieurs',
    profile: 'Chargée des financements extérieurs d\'un établissement public de crédit, sept ans d\'expérience dans la mobilisation et le suivi de lignes de crédit de bailleurs internationaux.',
    jobs: [
      {
        from: '09/2019', to: 'aujourd\'hui', title: 'Chargée des financements extérieurs',
        org: 'Fonds d\'Équipement Communal, Rabat',
        bullets: [
          'Négociation et suivi de quatre lignes de crédit de la BEI, de la KfW et de l\'AFD au profit des collectivités territoriales.',
          'Préparation des demandes de tirage et des rapports financiers aux bailleurs.',
          'Coordination des missions de supervision et des audits annuels des projets.',
        ],
      },
      {
        from: '10/2016', to: '08/2019', title: 'Analyste, relations avec les bailleurs de fonds',
        org: 'Ministère de l\'Économie et des Finances, Direction du Trésor, Rabat',
        bullets: [
          'Suivi du portefeuille de dons de l\'Union européenne et des conventions de financement associées.',
          'Rédaction de notes de synthèse pour les revues de portefeuille.',
        ],
      },
    ],
    training: [
      ['2016', 'Master Finance Internationale et Gestion des Risques, Université Sidi Mohamed Ben Abdellah'],
      ['2014', 'Licence en Sciences Économiques, Université Sidi Mohamed Ben Abdellah'],
    ],
    skills: ['Financements extérieurs et procédures des bailleurs', 'Analyse financière de projets publics', 'Négociation de conventions de financement'],
    languageLevels: [['Arabe', 'langue maternelle'], ['Français', 'courant'], ['Anglais', 'courant (C1)']],
    // The form is fillable and filled: its fields say what candidate.yaml says, except the
    // birth year (a typo in the form) and the nationality, which candidate.yaml leaves out.
    fillableForm: { date_naissance: '15/04/1992' },
    files: { form: 'Formulaire F1 - Leila Benjelloun.pdf', cv: 'scan0001.pdf', diploma: 'Diplôme Master Leila.pdf', cni: 'CIN recto-verso.pdf', plan: 'Plan d\'action.pdf' },
  },
  {
    folder: '09-mehdi-lahlou-cni-recto-seul-plan-vide',
    verdict: 'incomplete',
    demonstrates: 'Copie de la CNI avec le recto seulement (avertissement : un seul côté de la carte) et plan d\'action enregistré vide (page blanche) : incomplet.',
    facts: {
      applicantType: 'external', fullName: 'Mehdi Lahlou', birthDate: '1987-12-05', nationality: 'MA',
      diplomaLevel: 'master', diplomaForeign: false, experienceYears: 11, languages: ['ar', 'fr', 'en'],
      submittedAt: '2026-02-21T08:05:00',
    },
    nom: 'LAHLOU', prenom: 'Mehdi', sex: 'M', birthPlace: 'Oujda', cin: 'F204876', cinExpiry: '2029-05-12',
    father: 'Abdelaziz', mother: 'Nadia Berrada',
    address: ['9, rue Ibn Sina, Quartier Al Qods', '60000 Oujda'], phone: '06 69 00 12 84', email: 'mehdi.lahlou@example.com',
    place: 'Oujda',
    diploma: {
      country: 'ROYAUME DU MAROC', level: 'Diplôme de Master', university: 'Université Mohammed Premier',
      faculty: 'Faculté des Sciences Juridiques, Économiques et Sociales - Oujda',
      speciality: 'Management Public et Coopération Internationale', year: 2012, mention: 'Assez bien', city: 'Oujda',
      signatory: 'Le Président de l\'Université',
    },
    employer: 'Agence de l\'Oriental, Oujda', position: 'Responsable de la coopération internationale',
    profile: 'Responsable de la coopération internationale d\'une agence de développement régional, onze ans d\'expérience dans le montage de partenariats financiers.',
    jobs: [
      {
        from: '01/2017', to: 'aujourd\'hui', title: 'Responsable de la coopération internationale',
        org: 'Agence de l\'Oriental, Oujda',
        bullets: [
          'Montage de six programmes cofinancés par l\'Union européenne, la coopération allemande et la BAD.',
          'Suivi financier des conventions et préparation des comités de pilotage.',
        ],
      },
      {
        from: '09/2012', to: '12/2016', title: 'Chargé de projets',
        org: 'Conseil Régional de l\'Oriental, Oujda',
        bullets: [
          'Instruction des projets de coopération décentralisée avec des régions européennes.',
          'Suivi des subventions et des rapports aux partenaires.',
        ],
      },
    ],
    training: [
      ['2012', 'Master Management Public et Coopération Internationale, Université Mohammed Premier'],
      ['2010', 'Licence en Économie, Université Mohammed Premier'],
    ],
    skills: ['Montage de programmes cofinancés', 'Suivi financier et reporting aux bailleurs', 'Animation de partenariats régionaux'],
    languageLevels: [['Arabe', 'langue maternelle'], ['Français', 'courant'], ['Anglais', 'bon niveau (B2)']],
    cniSides: 1,
    blankPlan: true,
    files: { form: 'Formulaire F1 Mehdi Lahlou.pdf', cv: 'CV Mehdi Lahlou.pdf', diploma: 'Diplome Master.pdf', cni: 'CNI.pdf', plan: 'Plan d\'action.pdf' },
  },
];

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const frDate = (iso) => { const [y, m, d] = iso.slice(0, 10).split('-'); return `${d}/${m}/${y}`; };
const dotDate = (iso) => frDate(iso).replaceAll('/', '.');
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const longDate = (iso) => { const [y, m, d] = iso.slice(0, 10).split('-').map(Number); return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`; };
const born = (c) => (c.sex === 'F' ? 'née' : 'né');
const levelLabel = { bac: 'Baccalauréat', 'bac+2': 'Bac+2', licence: 'Licence', master: 'Master', doctorat: 'Doctorat' };
// A document's dates in its metadata: a few days before the candidate submitted the dossier.
const docDate = (c, daysBefore = 1) => new Date(Date.parse(c.facts.submittedAt + 'Z') - daysBefore * 86400000);

async function newDoc(c, title, daysBefore) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setAuthor(c.facts.fullName);
  doc.setCreator('dossier scripts/make-samples.mjs');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(docDate(c, daysBefore));
  doc.setModificationDate(docDate(c, daysBefore));
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  return { doc, fonts };
}

const savePdf = (doc) => doc.save({ useObjectStreams: false });

function wrap(text, font, size, width) {
  const lines = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > width) { lines.push(line); line = word; } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

function centered(page, text, y, font, size, color = INK) {
  const w = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (page.getWidth() - w) / 2, y, font, size, color });
}

// A flowing text layout over A4 pages: a cursor that opens a new page when the next block
// does not fit, and page footers added once the page count is known.
class Flow {
  constructor(doc, fonts, { margin = 56, top = 56, bottom = 60 } = {}) {
    Object.assign(this, { doc, fonts, margin, top, bottom });
    this.width = A4[0] - 2 * margin;
    this.newPage();
  }
  newPage() { this.page = this.doc.addPage(A4); this.y = A4[1] - this.top; }
  ensure(h) { if (this.y - h < this.bottom) this.newPage(); }
  space(h) { this.y -= h; }
  text(str, { font = this.fonts.regular, size = 10, color = INK, indent = 0, leading = 1.35, gap = 4, keep = 0 } = {}) {
    const lines = wrap(str, font, size, this.width - indent);
    this.ensure(Math.min(lines.length, 2) * size * leading + keep);
    for (const line of lines) {
      this.ensure(size * leading);
      this.y -= size * leading;
      this.page.drawText(line, { x: this.margin + indent, y: this.y + size * 0.25, font, size, color });
    }
    this.y -= gap;
  }
  heading(str, { size = 12.5, rule = true } = {}) {
    this.ensure(size * 2 + 40);
    this.space(8);
    this.text(str, { font: this.fonts.bold, size, color: ACCENT, gap: 2 });
    if (rule) this.page.drawLine({ start: { x: this.margin, y: this.y }, end: { x: this.margin + this.width, y: this.y }, thickness: 0.8, color: ACCENT });
    this.y -= 8;
  }
  bullet(str, { size = 10, indent = 14 } = {}) {
    const lines = wrap(str, this.fonts.regular, size, this.width - indent - 10);
    this.ensure(size * 1.35);
    this.page.drawText('-', { x: this.margin + indent, y: this.y - size * 1.35 + size * 0.25, font: this.fonts.regular, size, color: INK });
    this.text(lines.join(' '), { size, indent: indent + 10, gap: 2 });
  }
  footers(label) {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => {
      const s = `${label}  -  page ${i + 1} / ${pages.length}`;
      p.drawText(s, { x: A4[0] - this.margin - this.fonts.regular.widthOfTextAtSize(s, 8), y: 30, font: this.fonts.regular, size: 8, color: GREY });
    });
  }
}

// A hand-written-looking signature: a few curves, different for every candidate.
function signature(page, x, y, seed) {
  const k = (seed % 7) + 3;
  const path = `M 0 0 C ${6 + k} -${14 + k} ${18} ${12 - k} ${26 + k} -2 S ${44} -${10 + k} ${52 + k} 4 C ${60} ${14} ${70 - k} -${8} ${84} 2 M 8 6 L ${78 + k} ${-4 - k / 2}`;
  page.drawSvgPath(path, { x, y, borderColor: rgb(0.1, 0.15, 0.45), borderWidth: 1.1 });
}
const seedOf = (s) => [...s].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) >>> 0, 7);

// ---------------------------------------------------------------------------------------------
// Form F1 / F2
// ---------------------------------------------------------------------------------------------

async function makeForm(c) {
  const variant = c.formOverride ?? (c.facts.applicantType === 'agent' ? 'F2' : 'F1');
  const title = variant === 'F1' ? 'Formulaire de candidature F1 — Candidats externes' : 'Formulaire de candidature F2 — Agents OFPPT';
  const { doc, fonts } = await newDoc(c, title, 1);
  const page = doc.addPage(A4);
  const W = A4[0];
  let y = A4[1] - 50;
  centered(page, 'OFFICE DE LA FORMATION PROFESSIONNELLE ET DE LA PROMOTION DU TRAVAIL', y, fonts.bold, 9.5, ACCENT);
  y -= 13;
  centered(page, 'Direction des Ressources Humaines  -  Appels à candidatures 2026', y, fonts.regular, 8.5, GREY);
  y -= 10;
  page.drawLine({ start: { x: 50, y }, end: { x: W - 50, y }, thickness: 1, color: ACCENT });
  y -= 30;
  centered(page, title, y, fonts.bold, 14.5);
  y -= 18;
  centered(page, 'Poste : Chef du Service « Coopération Financière »  (Nombre de poste : 01)', y, fonts.regular, 9.5);
  y -= 12;
  centered(page, 'Direction Afrique et International, Siège OFPPT, Casablanca', y, fonts.italic, 8.5, GREY);
  y -= 24;

  const section = (label) => {
    page.drawRectangle({ x: 50, y: y - 4, width: W - 100, height: 16, color: rgb(0.9, 0.93, 0.96) });
    page.drawText(label, { x: 56, y, font: fonts.bold, size: 10, color: ACCENT });
    y -= 24;
  };
  // A fillable form (pdf-lib's form API): the answers are in named fields, as a candidate who
  // types into the official PDF leaves them; c.fillableForm gives what differs from the facts.
  const form = c.fillableForm ? doc.getForm() : null;
  const row = (label, value, field) => {
    page.drawText(label, { x: 60, y, font: fonts.regular, size: 9.5, color: GREY });
    if (form && field) {
      const input = form.createTextField(field);
      input.setText(c.fillableForm[field] ?? value);
      input.addToPage(page, { x: 215, y: y - 5, width: W - 265, height: 17, font: fonts.regular, borderColor: LIGHT, borderWidth: 0.8 });
      input.setFontSize(10);
    } else {
      page.drawRectangle({ x: 215, y: y - 5, width: W - 265, height: 17, borderColor: LIGHT, borderWidth: 0.8 });
      page.drawText(value, { x: 221, y, font: fonts.regular, size: 10, color: INK });
    }
    y -= 21;
  };
  const f = c.facts;
  const d = c.diploma;
  section('1. État civil');
  row('Nom', c.nom, 'nom');
  row('Prénom', c.prenom, 'prenom');
  row('Date de naissance', frDate(f.birthDate), 'date_naissance');
  row('Lieu de naissance', c.birthPlace, 'lieu_naissance');
  row('Nationalité', (f.nationality ?? 'MA') === 'MA' ? 'Marocaine' : f.nationality, 'nationalite');
  row('N° CIN', c.cin, 'cin');
  row('Adresse', c.address.join(', '), 'adresse');
  row('Téléphone / E-mail', `${c.phone}   /   ${c.email}`, 'telephone_email');
  y -= 4;
  if (variant === 'F2') {
    section('2. Situation administrative');
    row('Matricule', c.agent.matricule);
    row('Affectation actuelle', c.agent.assignment);
    row('Grade / Échelle', `${c.agent.grade}  /  échelle ${c.agent.scale}`);
    row('Catégorie C depuis le', `${c.agent.categoryCSince}  (${f.agentYearsInCategoryC} ans de service effectif)`);
    row('Formation en finance', f.financeBackground ? 'Oui : ' + d.speciality : 'Non');
    y -= 4;
  }
  section(`${variant === 'F2' ? 3 : 2}. Formation`);
  row('Diplôme', `${levelLabel[f.diplomaLevel]} - ${d.speciality}`, 'diplome');
  row('Établissement', d.university, 'etablissement');
  row('Année d\'obtention', String(d.year), 'annee_obtention');
  row('Diplôme étranger', f.diplomaForeign ? `Oui (${d.country === 'RÉPUBLIQUE FRANÇAISE' ? 'France' : d.country})` : 'Non');
  y -= 4;
  section(`${variant === 'F2' ? 4 : 3}. Expérience et langues`);
  row('Fonction actuelle', c.position);
  row('Employeur', c.employer.length > 60 ? c.employer.slice(0, c.employer.indexOf(',') > 0 ? c.employer.indexOf(',') : 60) : c.employer);
  row('Expérience (années)', `${f.experienceYears} ans en coopération / partenariats internationaux`);
  row('Langues', c.languageLevels.map(([l]) => l).join(', '));
  y -= 10;
  const decl = `Je soussigné${c.sex === 'F' ? 'e' : ''} ${c.prenom} ${c.nom} certifie sur l'honneur l'exactitude des informations portées sur le présent formulaire et prends acte que toute information erronée entraînera l'annulation de ma candidature.`;
  for (const line of wrap(decl, fonts.italic, 9, W - 110)) { page.drawText(line, { x: 55, y, font: fonts.italic, size: 9, color: INK }); y -= 12; }
  y -= 10;
  page.drawText(`Fait à ${c.place}, le ${frDate(docDate(c, 1).toISOString())}`, { x: 55, y, font: fonts.regular, size: 10 });
  page.drawText('Signature du candidat', { x: W - 220, y, font: fonts.regular, size: 10 });
  signature(page, W - 210, y - 30, seedOf(c.folder));
  page.drawText(`OFPPT - Formulaire ${variant} - à renseigner et déposer en format PDF sur recrutement.ofppt.ma`, { x: 50, y: 30, font: fonts.regular, size: 7.5, color: GREY });
  return savePdf(doc);
}

// ---------------------------------------------------------------------------------------------
// CV
// ---------------------------------------------------------------------------------------------

function cvBlocks(c) {
  // Shared by the PDF and the .docx CV: [kind, text] in reading order.
  const b = [];
  b.push(['name', `${c.prenom} ${c.nom}`]);
  b.push(['title', 'Curriculum Vitae']);
  b.push(['meta', `${c.address.join(', ')}  |  ${c.phone}  |  ${c.email}`]);
  b.push(['meta', `${born(c)[0].toUpperCase() + born(c).slice(1)} le ${frDate(c.facts.birthDate)} à ${c.birthPlace}  |  Nationalité marocaine`]);
  b.push(['h', 'Profil']);
  b.push(['p', c.profile]);
  b.push(['h', 'Expérience professionnelle']);
  for (const j of c.jobs) {
    b.push(['job', `${j.from} - ${j.to}    ${j.title}`]);
    b.push(['org', j.org]);
    for (const x of j.bullets) b.push(['li', x]);
  }
  b.push(['h', 'Formation']);
  for (const [y, t] of c.training) b.push(['li', `${y} : ${t}`]);
  b.push(['h', 'Compétences']);
  for (const s of c.skills) b.push(['li', s]);
  b.push(['h', 'Langues']);
  b.push(['p', c.languageLevels.map(([l, lv]) => `${l} : ${lv}`).join('   -   ')]);
  b.push(['h', 'Informations complémentaires']);
  b.push(['li', 'Participation régulière aux réunions des partenaires techniques et financiers du secteur de la formation professionnelle.']);
  b.push(['li', 'Permis de conduire B. Références disponibles sur demande.']);
  return b;
}

async function makeCv(c) {
  const { doc, fonts } = await newDoc(c, `CV ${c.facts.fullName}`, 3);
  const flow = new Flow(doc, fonts);
  for (const [kind, text] of cvBlocks(c)) {
    if (kind === 'name') flow.text(text, { font: fonts.bold, size: 20, color: ACCENT, gap: 0 });
    else if (kind === 'title') flow.text(text, { font: fonts.italic, size: 11, color: GREY, gap: 6 });
    else if (kind === 'meta') flow.text(text, { size: 9, color: GREY, gap: 0 });
    else if (kind === 'h') flow.heading(text);
    else if (kind === 'p') flow.text(text, { size: 10, gap: 6 });
    else if (kind === 'job') { flow.space(4); flow.text(text, { font: fonts.bold, size: 10.5, gap: 0, keep: 40 }); }
    else if (kind === 'org') flow.text(text, { font: fonts.italic, size: 9.5, color: ACCENT, gap: 3 });
    else if (kind === 'li') flow.bullet(text);
  }
  // The detailed annex the posting asks for ("explicitant de manière détaillée les
  // expériences"): main projects; on a page of its own when the CV itself fits on one.
  if (doc.getPageCount() === 1) flow.newPage();
  flow.heading('Annexe : principaux projets de coopération suivis');
  c.jobs.forEach((j, i) => {
    flow.text(`${i + 1}. ${j.title} (${j.from} - ${j.to})`, { font: fonts.bold, size: 10, gap: 2, keep: 30 });
    flow.text(`Cadre : ${j.org}. Rôle : conception, suivi des engagements contractuels, reporting aux partenaires, coordination avec les équipes internes. Résultats : ${j.bullets[0].charAt(0).toLowerCase() + j.bullets[0].slice(1)}`, { size: 9.5, gap: 8 });
  });
  flow.footers(`CV - ${c.prenom} ${c.nom}`);
  return savePdf(doc);
}

// ---------------------------------------------------------------------------------------------
// Diploma and equivalence certificate
// ---------------------------------------------------------------------------------------------

function frame(page) {
  const [w, h] = [page.getWidth(), page.getHeight()];
  page.drawRectangle({ x: 24, y: 24, width: w - 48, height: h - 48, borderColor: rgb(0.55, 0.45, 0.2), borderWidth: 3 });
  page.drawRectangle({ x: 32, y: 32, width: w - 64, height: h - 64, borderColor: rgb(0.55, 0.45, 0.2), borderWidth: 0.8 });
}

// "Copie certifiée conforme": the legalisation stamp every copy submitted in Morocco carries.
function certifiedStamp(page, fonts, x, y, c) {
  const angle = 8;
  const [cos, sin] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
  // Offsets are in the stamp's own (rotated) frame, so the lines stay aligned inside the frame.
  const at = (dx, dy) => ({ x: x + dx * cos - dy * sin, y: y + dx * sin + dy * cos });
  const line = (s, dx, dy, font, size) => page.drawText(s, { ...at(dx, dy), font, size, color: STAMP, rotate: degrees(angle) });
  page.drawRectangle({ x, y, width: 170, height: 62, borderColor: STAMP, borderWidth: 1.6, rotate: degrees(angle), opacity: 0 });
  line('COPIE CERTIFIÉE CONFORME', 10, 45, fonts.bold, 9);
  line(`Commune de ${c.place}`, 10, 31, fonts.regular, 8);
  line(`Bureau de légalisation - ${frDate(docDate(c, 10).toISOString())}`, 10, 19, fonts.regular, 7.5);
  line(`N° ${String(seedOf(c.cin) % 90000 + 10000)}/2026`, 10, 7, fonts.regular, 7.5);
}

async function makeDiploma(c) {
  const d = c.diploma;
  const { doc, fonts } = await newDoc(c, `${d.level} - ${c.facts.fullName}`, 4);
  const page = doc.addPage(A4_LANDSCAPE);
  frame(page);
  const H = page.getHeight();
  let y = H - 78;
  const foreign = d.country !== 'ROYAUME DU MAROC';
  centered(page, d.country, y, fonts.bold, 13);
  y -= 16;
  centered(page, foreign ? d.ministry : 'Ministère de l\'Enseignement Supérieur, de la Recherche Scientifique et de l\'Innovation', y, fonts.regular, 9.5, GREY);
  y -= 30;
  centered(page, d.university, y, fonts.bold, 17, ACCENT);
  y -= 17;
  centered(page, d.faculty, y, fonts.italic, 10.5, GREY);
  y -= 46;
  centered(page, d.level, y, fonts.bold, 28);
  y -= 26;
  centered(page, d.speciality ? `Spécialité : ${d.speciality}` : '', y, fonts.regular, 13);
  y -= 38;
  const body = [
    `Vu les textes réglementaires en vigueur et les résultats des délibérations du jury,`,
    `${d.signatory} atteste que`,
  ];
  for (const l of body) { centered(page, l, y, fonts.regular, 11); y -= 17; }
  y -= 6;
  centered(page, `${c.sex === 'F' ? 'Madame' : 'Monsieur'} ${c.prenom.toUpperCase()} ${c.nom}`, y, fonts.bold, 16);
  y -= 20;
  centered(page, `${born(c)} le ${longDate(c.facts.birthDate)} à ${c.birthPlace} (Maroc)${foreign ? '' : `, CIN ${c.cin}`}`, y, fonts.regular, 11);
  y -= 22;
  centered(page, `a obtenu le ${d.level} ${d.level.includes('Doctorat') ? 'en' : 'mention'} ${d.speciality}`, y, fonts.regular, 11);
  y -= 16;
  centered(page, `session de juin ${d.year}, avec la mention ${d.mention}.`, y, fonts.regular, 11);
  y -= 40;
  page.drawText(`Fait à ${d.city}, le ${longDate(`${d.year}-07-${d.year % 2 ? '15' : '08'}`)}`, { x: 90, y, font: fonts.regular, size: 10.5 });
  page.drawText(d.signatory, { x: 500, y, font: fonts.regular, size: 10.5 });
  signature(page, 540, y - 40, seedOf(d.university));
  page.drawCircle({ x: 460, y: y - 30, size: 28, borderColor: rgb(0.55, 0.2, 0.25), borderWidth: 1.2, opacity: 0 });
  page.drawText('SCEAU', { x: 446, y: y - 33, font: fonts.bold, size: 8, color: rgb(0.55, 0.2, 0.25) });
  page.drawText(`N° d'enregistrement : ${d.year}/${String(seedOf(c.nom) % 9000 + 1000)}`, { x: 60, y: 44, font: fonts.regular, size: 8, color: GREY });
  if (!foreign) certifiedStamp(page, fonts, 90, 80, c);
  return savePdf(doc);
}

async function makeEquivalence(c) {
  const d = c.diploma;
  const e = c.equivalence;
  const { doc, fonts } = await newDoc(c, 'Attestation d\'équivalence', 4);
  const page = doc.addPage(A4);
  const W = A4[0];
  let y = A4[1] - 70;
  page.drawText('ROYAUME DU MAROC', { x: 60, y, font: fonts.bold, size: 11 });
  y -= 14;
  page.drawText('Ministère de l\'Enseignement Supérieur,', { x: 60, y, font: fonts.regular, size: 9 });
  y -= 11;
  page.drawText('de la Recherche Scientifique et de la Formation des Cadres', { x: 60, y, font: fonts.regular, size: 9 });
  y -= 11;
  page.drawText('Direction de l\'Enseignement Supérieur - Service des Équivalences', { x: 60, y, font: fonts.regular, size: 9 });
  page.drawText(`N° ${e.number}`, { x: W - 160, y: y + 36, font: fonts.regular, size: 10 });
  y -= 70;
  centered(page, 'ATTESTATION D\'ÉQUIVALENCE DE DIPLÔME', y, fonts.bold, 16, ACCENT);
  y -= 50;
  const text = `Le Ministre de l'Enseignement Supérieur, de la Recherche Scientifique et de la Formation des Cadres atteste que le ${d.level} ${d.speciality}, délivré le ${longDate(`${d.year}-07-15`)} par l'${d.university} (France) à ${c.sex === 'F' ? 'Madame' : 'Monsieur'} ${c.prenom} ${c.nom}, ${born(c)} le ${longDate(c.facts.birthDate)} à ${c.birthPlace}, titulaire de la CIN n° ${c.cin}, est déclaré équivalent à ${e.equivalentTo} délivrée par les universités marocaines.`;
  for (const line of wrap(text, fonts.regular, 11.5, W - 140)) { page.drawText(line, { x: 70, y, font: fonts.regular, size: 11.5 }); y -= 18; }
  y -= 14;
  for (const line of wrap('La présente attestation est délivrée à l\'intéressé pour servir et valoir ce que de droit. Elle ne confère pas l\'équivalence des diplômes ayant permis l\'accès à la formation sanctionnée.', fonts.italic, 10, W - 140)) {
    page.drawText(line, { x: 70, y, font: fonts.italic, size: 10, color: GREY }); y -= 14;
  }
  y -= 40;
  page.drawText(`Rabat, le ${longDate(e.date)}`, { x: W - 240, y, font: fonts.regular, size: 11 });
  y -= 16;
  page.drawText('Pour le Ministre et par délégation,', { x: W - 240, y, font: fonts.regular, size: 10 });
  y -= 13;
  page.drawText('Le Directeur de l\'Enseignement Supérieur', { x: W - 240, y, font: fonts.regular, size: 10 });
  signature(page, W - 210, y - 50, seedOf(e.number));
  certifiedStamp(page, fonts, 70, 140, c);
  return savePdf(doc);
}

// ---------------------------------------------------------------------------------------------
// ID card "scan": PNG images built pixel by pixel, text drawn over them in the PDF.
// ---------------------------------------------------------------------------------------------

function png(width, height, pixels) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    pixels.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  return pngFromScanlines(width, height, raw, 9);
}

class Raster {
  constructor(w, h) { Object.assign(this, { w, h, px: Buffer.alloc(w * h * 3) }); }
  set(x, y, [r, g, b]) { if (x < 0 || y < 0 || x >= this.w || y >= this.h) return; const i = (y * this.w + x) * 3; this.px[i] = r; this.px[i + 1] = g; this.px[i + 2] = b; }
  fill(fn) { for (let y = 0; y < this.h; y++) for (let x = 0; x < this.w; x++) { const c = fn(x, y); if (c) this.set(x, y, c); } }
  rect(x0, y0, w, h, c) { for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) this.set(x, y, c); }
  ellipse(cx, cy, rx, ry, c, maxY = this.h) { this.fill((x, y) => (y < maxY && ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1 ? c : null)); }
  toPng() { return png(this.w, this.h, this.px); }
}

const CARD_W = 340;
const CARD_H = 214;
const CARD_R = 14;

function cardBase(tint) {
  const r = new Raster(CARD_W, CARD_H);
  r.fill((x, y) => {
    // Paper white outside the rounded corners, like a card on a scanner bed.
    const cx = Math.min(Math.max(x, CARD_R), CARD_W - 1 - CARD_R);
    const cy = Math.min(Math.max(y, CARD_R), CARD_H - 1 - CARD_R);
    if ((x - cx) ** 2 + (y - cy) ** 2 > CARD_R ** 2) return [255, 255, 255];
    // Guilloche: two crossing wave families, faint.
    const wave = Math.abs(Math.sin(y / 9 + 2 * Math.sin(x / 23))) < 0.05;
    // Flat tint, not a gradient: pdf-lib stores the pixels deflated without a predictor, so a
    // gradient would cost ~20 KB per card.
    return wave ? tint.map((v) => v - 16) : tint;
  });
  return r;
}

function cardRectoPng(c) {
  const r = cardBase([206, 228, 222]);
  r.rect(CARD_R, 8, CARD_W - 2 * CARD_R, 36, [186, 214, 210]); // header band
  r.ellipse(30, 26, 12, 12, [193, 39, 45]); // flag disc
  r.ellipse(30, 26, 5, 5, [0, 98, 51]);
  r.rect(16, 56, 92, 118, [226, 228, 230]); // photo
  r.ellipse(62, 98, 22, 27, [150, 152, 158]);
  r.ellipse(62, 170, 40, 36, [150, 152, 158], 174);
  r.rect(282, 60, 38, 30, [201, 170, 92]); // chip
  r.rect(282, 74, 38, 2, [170, 140, 70]);
  r.rect(300, 60, 2, 30, [170, 140, 70]);
  return r.toPng();
}

function cardVersoPng() {
  const r = cardBase([214, 226, 232]);
  r.rect(CARD_R, 146, CARD_W - 2 * CARD_R, 60, [246, 246, 242]); // machine-readable zone
  // A barcode: bar widths from a fixed pattern.
  let x = 230;
  for (let i = 0; x < 322; i++) { const w = 1 + ((i * 7) % 3); if (i % 2 === 0) r.rect(x, 14, w, 40, [30, 30, 35]); x += w; }
  return r.toPng();
}

// ICAO 9303 check digit, so the MRZ looks like the real thing.
function check(s) {
  const val = (ch) => (ch === '<' ? 0 : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  return String([...s].reduce((a, ch, i) => a + val(ch) * [7, 3, 1][i % 3], 0) % 10);
}
function mrz(c) {
  const pad = (s, n) => (s + '<'.repeat(n)).slice(0, n);
  const doc = pad(c.cin, 9);
  const l1 = pad(`IDMAR${doc}${check(doc)}`, 30);
  const birth = c.facts.birthDate.slice(2).replaceAll('-', '');
  const exp = c.cinExpiry.slice(2).replaceAll('-', '');
  const l2a = `${birth}${check(birth)}${c.sex}${exp}${check(exp)}MAR`;
  const l2 = pad(l2a, 29) + check(l1.slice(5) + l2a.slice(0, 7) + l2a.slice(8, 15));
  const l3 = pad(`${c.nom.replaceAll(' ', '<')}<<${c.prenom.toUpperCase().replaceAll(' ', '<')}`, 30);
  const ascii = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
  return [l1, l2, ascii(l3)];
}

function drawRecto(page, fonts, img, x, y, c) {
  page.drawRectangle({ x: x + 3, y: y - 3, width: CARD_W, height: CARD_H, color: rgb(0.88, 0.88, 0.88) }); // scan shadow
  page.drawImage(img, { x, y, width: CARD_W, height: CARD_H });
  const at = (px, py) => ({ x: x + px, y: y + CARD_H - py });
  const t = (s, px, py, size, font = fonts.regular, color = INK) => page.drawText(s, { ...at(px, py), size, font, color });
  t('ROYAUME DU MAROC', 120, 23, 11, fonts.bold);
  t('CARTE NATIONALE D\'IDENTITE', 110, 38, 9, fonts.bold, ACCENT);
  t('Nom', 120, 64, 6.5, fonts.regular, GREY); t(c.nom, 120, 75, 10.5, fonts.bold);
  t('Prénom', 120, 90, 6.5, fonts.regular, GREY); t(c.prenom.toUpperCase(), 120, 101, 10.5, fonts.bold);
  t(`${born(c)[0].toUpperCase()}${born(c).slice(1)} le`, 120, 116, 6.5, fonts.regular, GREY); t(dotDate(c.facts.birthDate), 120, 127, 10);
  t('à', 200, 116, 6.5, fonts.regular, GREY); t(c.birthPlace.toUpperCase(), 200, 127, 10);
  t('Valable jusqu\'au', 120, 142, 6.5, fonts.regular, GREY); t(dotDate(c.cinExpiry), 120, 153, 10);
  t('Sexe', 200, 142, 6.5, fonts.regular, GREY); t(c.sex, 200, 153, 10);
  t(c.cin, 236, 196, 15, fonts.bold, RED);
  t('N°', 220, 196, 8, fonts.regular, GREY);
}

function drawVerso(page, fonts, img, x, y, c) {
  page.drawRectangle({ x: x + 3, y: y - 3, width: CARD_W, height: CARD_H, color: rgb(0.88, 0.88, 0.88) });
  page.drawImage(img, { x, y, width: CARD_W, height: CARD_H });
  const at = (px, py) => ({ x: x + px, y: y + CARD_H - py });
  const t = (s, px, py, size, font = fonts.regular, color = INK) => page.drawText(s, { ...at(px, py), size, font, color });
  t(`${c.sex === 'F' ? 'Fille' : 'Fils'} de`, 22, 24, 6.5, fonts.regular, GREY); t(c.father.toUpperCase(), 22, 35, 9.5);
  t('et de', 22, 50, 6.5, fonts.regular, GREY); t(c.mother.toUpperCase(), 22, 61, 9.5);
  t('Adresse', 22, 80, 6.5, fonts.regular, GREY);
  c.address.forEach((line, i) => t(line.toUpperCase(), 22, 92 + i * 12, 9.5));
  t('N° état civil', 22, 128, 6.5, fonts.regular, GREY); t(`${seedOf(c.nom) % 900 + 100}/${c.facts.birthDate.slice(0, 4)}`, 80, 128, 8.5);
  t('Délivrée le', 200, 128, 6.5, fonts.regular, GREY); t(dotDate(`${Number(c.cinExpiry.slice(0, 4)) - 10}${c.cinExpiry.slice(4)}`), 240, 128, 8.5);
  mrz(c).forEach((line, i) => t(line, 26, 166 + i * 14, 10.5, fonts.mono));
}

async function makeCni(c) {
  const { doc, fonts } = await newDoc(c, 'Numérisation', 5);
  // Scanned copies carry the scanner's name, not the candidate's.
  doc.setAuthor('');
  doc.setCreator('Scan to PDF');
  const recto = await doc.embedPng(cardRectoPng(c));
  const verso = await doc.embedPng(cardVersoPng());
  const x = (A4[0] - CARD_W) / 2;
  if (c.cniSides === 1) {
    // Only the recto was scanned: one card on the page.
    drawRecto(doc.addPage(A4), fonts, recto, x, A4[1] - 80 - CARD_H, c);
  } else if ((c.cniPages ?? 1) === 1) {
    const page = doc.addPage(A4);
    drawRecto(page, fonts, recto, x, A4[1] - 80 - CARD_H, c);
    drawVerso(page, fonts, verso, x, A4[1] - 80 - 2 * CARD_H - 50, c);
  } else {
    drawRecto(doc.addPage(A4), fonts, recto, x, A4[1] - 80 - CARD_H, c);
    drawVerso(doc.addPage(A4), fonts, verso, x, A4[1] - 80 - CARD_H, c);
  }
  return savePdf(doc);
}

// ---------------------------------------------------------------------------------------------
// Action plan
// ---------------------------------------------------------------------------------------------

const PLAN = {
  diagnostic: [
    'Le Service « Coopération Financière » de la Direction Afrique et International gère un portefeuille de projets financés par des partenaires bilatéraux et multilatéraux (Union européenne, KfW, AFD, BAD, coopérations du Golfe) au profit de la formation professionnelle.',
    'Forces : un réseau de partenaires établi, une expérience reconnue de l\'OFPPT dans la coopération Sud-Sud avec les pays africains, une demande forte des partenaires pour des projets liés à l\'emploi des jeunes et aux métiers verts.',
    'Points d\'amélioration : une veille encore ponctuelle sur les appels à propositions, des délais de décaissement qui allongent la durée des projets, un reporting hétérogène selon les bailleurs, une coordination perfectible avec les directions régionales et les établissements bénéficiaires.',
  ],
  axes: [
    ['Axe 1 - Prospection et diversification des financements', [
      'Mettre en place une veille structurée des appels à propositions et des fenêtres de financement (fonds climat, fonds emploi des jeunes, banques de développement).',
      'Établir une cartographie des partenaires et un plan de prospection annuel, avec des fiches-projets prêtes à soumettre.',
      'Développer les cofinancements et les partenariats triangulaires au profit de pays africains.',
    ]],
    ['Axe 2 - Montage et gestion des projets', [
      'Adopter un manuel de procédures du cycle de projet commun à l\'Office (identification, instruction, convention, exécution, clôture).',
      'Standardiser les modèles de conventions et de protocoles, en coordination avec la Direction juridique.',
      'Réduire les délais de décaissement par un suivi mensuel des conditions préalables et des pièces justificatives.',
    ]],
    ['Axe 3 - Coordination et animation des partenariats', [
      'Organiser un comité de coordination trimestriel avec les directions internes et régionales concernées.',
      'Tenir une table ronde annuelle des partenaires techniques et financiers de l\'OFPPT.',
      'Assurer la visibilité des résultats : fiches de capitalisation, participation aux événements des partenaires.',
    ]],
    ['Axe 4 - Suivi, évaluation et reporting', [
      'Déployer un tableau de bord unique des engagements, décaissements et échéances contractuelles.',
      'Harmoniser les rapports de suivi, de performance et de clôture selon un modèle commun adaptable à chaque bailleur.',
      'Conduire une revue annuelle du portefeuille et des évaluations à mi-parcours des projets majeurs.',
    ]],
  ],
  calendar: [
    ['Diagnostic détaillé du portefeuille et rencontres des équipes', 'Mois 1 à 3', 'Rapport de diagnostic validé'],
    ['Cartographie des partenaires et dispositif de veille', 'Mois 2 à 4', 'Cartographie et bulletin mensuel'],
    ['Manuel de procédures et modèles de conventions', 'Mois 3 à 8', 'Manuel adopté'],
    ['Tableau de bord de suivi du portefeuille', 'Mois 4 à 6', 'Tableau de bord en service'],
    ['Comité de coordination interne', 'Trimestriel', '4 réunions par an'],
    ['Table ronde des partenaires', 'Mois 10', 'Compte rendu et engagements'],
    ['Revue annuelle du portefeuille', 'Mois 12', 'Rapport annuel'],
  ],
  indicators: [
    'Montant des financements mobilisés et nombre de nouvelles conventions signées par an.',
    'Taux de décaissement des projets en cours et respect des échéanciers contractuels.',
    'Part des rapports remis aux partenaires dans les délais.',
    'Nombre de partenariats de coopération Sud-Sud actifs.',
  ],
};

async function makePlan(c) {
  if (c.blankPlan) {
    // The empty template saved instead of the finished plan: one page painted white, as word
    // processors export a page with nothing typed on it.
    const { doc } = await newDoc(c, 'Proposition de plan d\'action', 2);
    doc.addPage(A4).drawRectangle({ x: 0, y: 0, width: A4[0], height: A4[1], color: rgb(1, 1, 1) });
    return savePdf(doc);
  }
  const { doc, fonts } = await newDoc(c, 'Proposition de plan d\'action', 2);
  const flow = new Flow(doc, fonts);
  flow.text('Proposition de plan d\'action', { font: fonts.bold, size: 19, color: ACCENT, gap: 2 });
  flow.text('Gestion et développement du Service « Coopération Financière »', { font: fonts.bold, size: 11.5, gap: 2 });
  flow.text(`Direction Afrique et International - OFPPT  |  Proposé par ${c.prenom} ${c.nom}, ${frDate(docDate(c, 2).toISOString())}`, { size: 9, color: GREY, gap: 10 });
  flow.text(`Ce document présente ma vision du Service pour ses trois premières années, fondée sur mon expérience de ${c.position.charAt(0).toLowerCase() + c.position.slice(1)} et sur les missions confiées au Service par l'appel à candidatures.`, { size: 10, gap: 4 });
  flow.heading('1. Diagnostic');
  for (const p of PLAN.diagnostic) flow.text(p, { gap: 6 });
  flow.heading('2. Axes stratégiques');
  for (const [title, actions] of PLAN.axes) {
    flow.text(title, { font: fonts.bold, size: 10.5, gap: 2, keep: 40 });
    for (const a of actions) flow.bullet(a);
    flow.space(4);
  }
  flow.heading('3. Calendrier de mise en œuvre');
  const cols = [250, 95, flow.width - 345];
  const rowH = 20;
  const row = (cells, bold) => {
    flow.ensure(rowH);
    let x = flow.margin;
    cells.forEach((cell, i) => {
      flow.page.drawRectangle({ x, y: flow.y - rowH, width: cols[i], height: rowH, borderColor: LIGHT, borderWidth: 0.7, ...(bold ? { color: rgb(0.9, 0.93, 0.96) } : {}) });
      flow.page.drawText(cell, { x: x + 4, y: flow.y - rowH + 6.5, font: bold ? fonts.bold : fonts.regular, size: 8.5, color: INK });
      x += cols[i];
    });
    flow.y -= rowH;
  };
  row(['Action', 'Échéance', 'Livrable / indicateur'], true);
  for (const r of PLAN.calendar) row(r, false);
  flow.space(6);
  flow.heading('4. Indicateurs de suivi');
  for (const i of PLAN.indicators) flow.bullet(i);
  flow.heading('5. Moyens et conditions de réussite');
  flow.text('La réussite du plan repose sur une équipe formée aux procédures des principaux bailleurs, un système d\'information partagé avec la Direction Financière, et un dialogue régulier avec la tutelle et les partenaires. Un point d\'étape sera présenté à la Direction Générale à six mois.', { gap: 6 });
  flow.footers(`Plan d'action - ${c.prenom} ${c.nom}`);
  return savePdf(doc);
}

// ---------------------------------------------------------------------------------------------
// A minimal but real .docx: a ZIP of stored entries, written by hand so the bytes are fixed.
// ---------------------------------------------------------------------------------------------

function zip(entries) {
  // Fixed DOS timestamp: 2026-02-18 10:00:00.
  const time = (10 << 11) | (0 << 5) | 0;
  const date = ((2026 - 1980) << 9) | (2 << 5) | 18;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(0, 8);
    local.writeUInt16LE(time, 10); local.writeUInt16LE(date, 12); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBuf.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8);
    central.writeUInt16LE(0, 10); central.writeUInt16LE(time, 12); central.writeUInt16LE(date, 14); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt16LE(0, 30); central.writeUInt16LE(0, 32); central.writeUInt16LE(0, 34); central.writeUInt16LE(0, 36);
    central.writeUInt32LE(0, 38); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(0, 4); eocd.writeUInt16LE(0, 6);
  eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(offset, 16); eocd.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, cd, eocd]);
}

const xmlEscape = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function makeCvDocx(c) {
  const para = (text, { bold = false, size } = {}) => {
    const rPr = bold || size ? `<w:rPr>${bold ? '<w:b/>' : ''}${size ? `<w:sz w:val="${size}"/>` : ''}</w:rPr>` : '';
    return `<w:p><w:r>${rPr}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`;
  };
  const body = cvBlocks(c).map(([kind, text]) => {
    if (kind === 'name') return para(text, { bold: true, size: 36 });
    if (kind === 'h' || kind === 'job') return para(text, { bold: true });
    if (kind === 'li') return para(`- ${text}`);
    return para(text);
  }).join('');
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`],
  ]);
}

// ---------------------------------------------------------------------------------------------
// candidate.yaml and README.md
// ---------------------------------------------------------------------------------------------

const FACT_ORDER = ['applicantType', 'fullName', 'birthDate', 'nationality', 'diplomaLevel', 'diplomaForeign', 'experienceYears', 'languages', 'agentScale', 'agentYearsInCategoryC', 'financeBackground', 'submittedAt'];

function candidateYaml(c) {
  const lines = ['# yaml-language-server: $schema=../../../schemas/candidate.schema.json'];
  for (const key of FACT_ORDER) {
    const v = c.facts[key];
    if (v === undefined) continue;
    lines.push(`${key}: ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`);
  }
  return lines.join('\n') + '\n';
}

const VERDICT = { accepted: 'recevable (accepted)', incomplete: 'incomplet (incomplete)', ineligible: 'non éligible (ineligible)' };

function readme(outputs) {
  const rows = candidates.map((c) => `| \`${c.folder}\` | ${VERDICT[c.verdict]} | ${c.demonstrates} |`);
  const files = candidates.map((c) => {
    const list = outputs.get(c.folder).map(([name, pages]) => `\`${name}\`${pages ? ` (${pages} p.)` : ''}`).join(', ');
    return `- \`${c.folder}\`: ${list}`;
  });
  return `# Exemples de dossiers de candidature

Dossiers fictifs pour le poste de Chef du Service « Coopération Financière » de l'OFPPT
(profil \`samples/profiles/ofppt-2026-chef-service-cooperation-financiere.yaml\`). Chaque dossier
contient les pièces telles qu'un candidat les nomme réellement et un \`candidate.yaml\` avec ses
déclarations. Les personnes, numéros de CIN, adresses et documents sont inventés.

Ces fichiers sont générés par \`scripts/make-samples.mjs\` (\`npm run samples\`) : ne les modifiez
pas à la main, modifiez le script et relancez-le. La génération est déterministe (mêmes octets à
chaque exécution).

| Dossier | Verdict attendu | Ce qu'il montre |
| --- | --- | --- |
${rows.join('\n')}

## Détail des verdicts

- **01** : les cinq pièces sont là, au bon format ; née en 1990 (moins de 45 ans jusqu'en 2035), Master, 9 ans d'expérience, nationalité marocaine, dépôt avant la date limite.
- **02** : agent OFPPT à l'échelle 16 (pas 19) mais avec 5 ans de service en catégorie C (au moins 4) et une formation en finance : éligible par dérogation. Formulaire F2, conforme.
- **03** : \`diplomaForeign: true\` rend l'attestation d'équivalence obligatoire ; elle manque, le dossier est **incomplet**. Le nom \`formulaire de candidature.pdf\` est reconnu comme formulaire, sans pouvoir dire F1 ou F2 (le contenu, lui, indique F1). Dépôt le 21 février à 21 h 47, juste avant la limite.
- **04** : \`CNI.pdf\` a 2 pages (recto, puis verso) ; l'annonce demande la CNI recto-verso sur une seule page : **incomplet** (pièce non conforme).
- **05** : \`CV Omar Tazi.docx\` est un vrai document Word ; l'annonce exige le format PDF : **incomplet** (pièce non conforme ou absente en PDF).
- **06** : toutes les pièces sont là, y compris l'attestation d'équivalence (dont le nom contient aussi « diplôme » : l'équivalence l'emporte par priorité). **Non éligible** : né en 1979 (plus de 45 ans), Licence au lieu d'un Master, 2 ans d'expérience au lieu de 4.
- **07** : agente OFPPT (échelle 19, formation en finance, donc éligible) qui a joint le formulaire **F1** des candidats externes au lieu du **F2** : **incomplet** (mauvais formulaire).
- **08** : le formulaire F1 est un PDF à remplir, rempli dans ses champs (\`nom\`, \`prenom\`, \`date_naissance\`, \`nationalite\`, \`diplome\`...). Sa date de naissance (15/04/1992) diffère de celle de \`candidate.yaml\` (1991-04-15) : avertissement \`facts-mismatch\` (c'est \`candidate.yaml\` qui compte). \`candidate.yaml\` ne donne pas la nationalité : celle du formulaire (« Marocaine ») est prise, la règle de nationalité est satisfaite. Le CV s'appelle \`scan0001.pdf\` : son texte (« Curriculum Vitae », « Expérience professionnelle », « Compétences ») le fait reconnaître comme CV, avec l'avertissement \`matched-by-content\` qui demande de le renommer. **Recevable**, avec ces remarques.
- **09** : \`CNI.pdf\` ne montre que le recto de la carte (une seule image au format carte) : avertissement \`cni-one-side\`. \`Plan d'action.pdf\` est une page blanche (le modèle vide enregistré à la place du plan) : \`blank-document\`, pièce non conforme : **incomplet**.

## Pièces par dossier

${files.join('\n')}
`;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const entry of readdirSync(OUT, { withFileTypes: true })) {
    if (entry.isDirectory() && /^0\d-/.test(entry.name)) rmSync(join(OUT, entry.name), { recursive: true, force: true });
  }
  const outputs = new Map();
  for (const c of candidates) {
    const dir = join(OUT, c.folder);
    mkdirSync(dir, { recursive: true });
    const files = [];
    const put = async (name, bytes) => {
      writeFileSync(join(dir, name), bytes);
      const pages = name.endsWith('.pdf') ? (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount() : 0;
      files.push([name, pages]);
    };
    await put(c.files.form, await makeForm(c));
    await put(c.files.cv, c.cvDocx ? makeCvDocx(c) : await makeCv(c));
    await put(c.files.diploma, await makeDiploma(c));
    if (c.files.equivalence) await put(c.files.equivalence, await makeEquivalence(c));
    await put(c.files.cni, await makeCni(c));
    await put(c.files.plan, await makePlan(c));
    writeFileSync(join(dir, 'candidate.yaml'), candidateYaml(c));
    files.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    outputs.set(c.folder, files);
  }
  writeFileSync(join(OUT, 'README.md'), readme(outputs));
  for (const [folder, files] of outputs) {
    console.log(folder);
    for (const [name, pages] of files) console.log(`  ${name}${pages ? `  (${pages} p.)` : ''}`);
  }
}

await main();
