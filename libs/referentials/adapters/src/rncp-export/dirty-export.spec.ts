import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapRncpFiche, type MappedFiche } from '@certif/referentials-domain';
import { StagedRncpExport } from './staged-rncp-export';
import { fileNameOf } from './rncp-export.fixtures';

// A dirty export written by hand, as the real files come: BOM, CRLF, quoted `;`, empty fields,
// a malformed date, a missing level, duplicated rows, several certifiers, a bloc of a fiche
// absent from Standard, labels in the NSF code column, a part the importer does not read.
const DIRTY: Record<string, string> = {
  Standard:
    '\uFEFFId_Fiche;Numero_Fiche;Intitule;Abrege_Libelle;Abrege_Intitule;Nomenclature_Europe_Niveau;Nomenclature_Europe_Intitule;Accessible_Nouvelle_Caledonie;Accessible_Polynesie_Francaise;Date_dernier_jo;Date_Decision;Date_Fin_Enregistrement;Date_Effet;Type_Enregistrement;Validation_Partielle;Actif\r\n' +
    "1;RNCP37873;Concepteur développeur d'applications;TP;Titre professionnel;NIV6;Niveau 6;Non;Non;;14/12/2023;14/12/2028;;Enregistrement de droit;Oui;ACTIVE\r\n" +
    '2;RNCP36912;"Expert en développement logiciel; option ""web""";TIT;Titre;NIV7;Niveau 7;Non;Non;;29/09/2022;2025-09-29;;Sur demande;Oui;ACTIVE\r\n' +
    '2;RNCP36912;"Expert en développement logiciel; option ""web""";TIT;Titre;NIV7;Niveau 7;Non;Non;;29/09/2022;2025-09-29;;Sur demande;Oui;ACTIVE\r\n' +
    '3;RNCP28754;Technicien(ne) développeur(euse) - niveau III;TIT;Titre;;;Non;Non;;27/12/2016;27/12/2021;;Sur demande;Oui;INACTIVE\r\n',
  Blocs_De_Compétences:
    'Numero_Fiche;Bloc_Competences_Code;Bloc_Competences_Libelle\r\n' +
    'RNCP37873;RNCP37873BC02;Concevoir et développer une application sécurisée organisée en couches\r\n' +
    'RNCP37873;RNCP37873BC01;Développer une application sécurisée\r\n' +
    'RNCP37873;RNCP37873BC01;Développer une application sécurisée\r\n' +
    'RNCP36912;RNCP36912BC01;Piloter un projet\r\n' +
    'RNCP28754;RNCP28754BC01;Développer\r\n' +
    'RNCP99999;RNCP99999BC01;Bloc orphelin\r\n',
  Nsf:
    'Numero_Fiche;Nsf_Code;Nsf_Intitule\r\n' +
    'RNCP37873;326t : Programmation, mise en place de logiciels;326t : Programmation, mise en place de logiciels\r\n' +
    'RNCP36912;326;326 : Informatique\r\n',
  Certificateurs:
    'Numero_Fiche;Siret_Certificateur;Nom_Certificateur\r\n' +
    "RNCP37873;11000007200014;MINISTERE DU TRAVAIL DU PLEIN EMPLOI ET DE L'INSERTION\r\n" +
    'RNCP36912;49386136300080;OPENCLASSROOMS\r\n' +
    'RNCP36912;;ÉCOLE PARTENAIRE\r\n' +
    'RNCP28754;19753471200017;CNAM\r\n',
  Partenaires: 'Numero_Fiche;Nom_Partenaire\r\nRNCP36912;Un partenaire\r\n',
};

describe('a dirty export, read and mapped', () => {
  let dir: string;
  let mapped: Map<string, MappedFiche>;
  let ignored: readonly string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rncp-dirty-'));
    for (const [part, text] of Object.entries(DIRTY))
      writeFileSync(join(dir, fileNameOf(part)), text);
    const staged = await StagedRncpExport.read(dir);
    mapped = new Map();
    ignored = staged.ignoredParts;
    for await (const batch of staged.batches(500))
      for (const fiche of batch) mapped.set(fiche.code, mapRncpFiche(fiche, '2026-11-30'));
    staged.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const flags = (code: string) =>
    (mapped.get(code)?.flags ?? []).map((f) => `${f.field}: ${f.message}`);

  it('imports the titre professionnel, its duplicated bloc row once, NSF code without label', () => {
    const tp = mapped.get('RNCP37873');
    expect(tp).toMatchObject({
      outcome: 'mapped',
      draft: {
        kind: 'PROFESSIONAL_TITLE',
        level: 6,
        nsfCodes: ['326t'],
        registeredFrom: '2023-12-14',
      },
    });
    expect(flags('RNCP37873')).toEqual(['blocs: 1 duplicated row(s) ignored']);
  });

  it('keeps the fiche with a malformed date, duplicated rows and two certifiers, and flags them', () => {
    const fiche = mapped.get('RNCP36912');
    expect(fiche).toMatchObject({
      outcome: 'mapped',
      draft: {
        title: 'Expert en développement logiciel; option "web"',
        registeredUntil: null,
        certifier: { name: 'OPENCLASSROOMS', siret: '49386136300080' },
      },
    });
    expect(flags('RNCP36912')).toEqual([
      'Standard: 2 identical rows; one kept',
      'Date_Fin_Enregistrement: "2025-09-29" is not a date JJ/MM/AAAA; left empty',
      'certifier: the export names 2 certifiers; a certification keeps one: OPENCLASSROOMS is kept, ÉCOLE PARTENAIRE noted in notes',
    ]);
  });

  it('rejects the fiche without level, and flags the bloc of a fiche absent from Standard', () => {
    expect(mapped.get('RNCP28754')).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/no level/),
    });
    expect(mapped.get('RNCP99999')?.outcome).toBe('absent');
    expect(flags('RNCP99999')).toEqual([
      'Blocs_De_Compétences: rows for RNCP99999, a fiche absent from Standard; ignored',
    ]);
    expect(ignored).toEqual(['Partenaires']);
  });
});
