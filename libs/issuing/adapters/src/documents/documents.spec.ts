import { parseLocalDate } from '@certif/platform-calendar';
import type { LivretDocument, ParcheminDocument } from '@certif/issuing-application';
import { issuingAuthority, newParchemin, parcheminContent } from '@certif/issuing-domain';
import { SEED_VERSIONS } from '@certif/issuing-domain/testing';
import { renderLivretPdf } from './livret-pdf';
import { renderParcheminPdf } from './parchemin-pdf';
import { readPdfBack } from './pdf-read-back';

// Each document rendered to an image and read back: what a holder, a recruiter or a phone sees.
const dwwm = SEED_VERSIONS['002'];
const content = parcheminContent(
  { ...dwwm, certifier: { name: 'Ministère chargé de l’emploi', siret: null } },
  dwwm.components.map((c, i) => ({
    componentId: c.id,
    acquiredOn: parseLocalDate(`2026-0${i + 3}-12`),
    viaCorrespondence: false,
    sessionId: `session-${i + 1}`,
  })),
);
const verificationUrl = 'https://certif.example.fr/verify/K7Q2M9X4T1B8W3N6';

function parchemin(overrides: Partial<ParcheminDocument['parchemin']> = {}): ParcheminDocument {
  return {
    parchemin: {
      ...newParchemin({
        id: 'c1',
        number: 'TP-DWWM-2026-000042',
        candidateId: 'cand-1',
        lineageRootId: dwwm.id,
        verificationCode: 'K7Q2M9X4T1B8W3N6',
        issuedOn: '2026-06-10',
        obtainedOn: '2026-06-05',
        issuedAt: new Date('2026-06-10T08:00:00Z'),
        content,
      }),
      ...overrides,
    },
    title: dwwm.title,
    holderName: 'Ada Lovelace',
    holderBirthDate: '1990-12-10',
    authority: issuingAuthority(content.certification),
    verificationUrl,
    statusList: { url: 'https://certif.example.fr/credentials/status/TP-DWWM-2026', index: 42 },
  };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the parchemin PDF (R11)', () => {
  const page = async (document: ParcheminDocument) =>
    readPdfBack(await renderParcheminPdf(document));

  it('is one A4 landscape page whose QR code opens the verification page', async () => {
    const read = await page(parchemin());
    expect({ pages: read.pages, width: read.width, height: read.height }).toEqual({
      pages: 1,
      width: 842,
      height: 595,
    });
    expect(read.qrCodes).toEqual([verificationUrl]);
  });

  it.each([
    ['the République française header', 'RÉPUBLIQUE'],
    ['the ministry', "Ministère chargé de l'emploi"],
    ['what it is', 'TITRE PROFESSIONNEL'],
    ['the holder', 'Ada Lovelace'],
    ['the holder’s birth date', 'né(e) le 10/12/1990'],
    ['the title', 'Développeur web et web mobile'],
    ['the level', 'Niveau 5 du cadre national des certifications professionnelles'],
    ['the local code', 'Code : TP-DWWM'],
    ['the RNCP code, or that there is none', 'RNCP : non communiqué'],
    ['the certifier', 'Certificateur : Ministère chargé de l’emploi'],
    ['the date obtained (the jury’s), not the day of issue', 'Obtenu le 05/06/2026'],
    ['the date of issue', 'Délivré le 10/06/2026 par'],
    ['the issuing authority (R11)', 'représentant territorial du ministère'],
    ['the number', 'N° TP-DWWM-2026-000042'],
    ['the verification address', verificationUrl],
  ])('states %s', async (_what, expected) => {
    expect(flat((await page(parchemin())).text)).toContain(expected);
  });

  it('an RNCP certification is headed by its certifier and gives its RNCP code', async () => {
    const rncp = parcheminContent(SEED_VERSIONS['003'], []);
    const read = await page({
      ...parchemin({ content: rncp }),
      title: SEED_VERSIONS['003'].title,
      authority: issuingAuthority(rncp.certification),
    });
    expect(flat(read.text)).toContain('CERTIFICATION PROFESSIONNELLE');
    expect(flat(read.text)).not.toContain('RÉPUBLIQUE');
    expect(flat(read.text)).toContain(SEED_VERSIONS['003'].certifier.name);
    if (SEED_VERSIONS['003'].rncpCode)
      expect(flat(read.text)).toContain(SEED_VERSIONS['003'].rncpCode);
  });

  it('a revoked parchemin says so, with the date and the reason', async () => {
    const read = await page(
      parchemin({
        status: 'REVOKED',
        revokedAt: new Date('2026-07-01T10:00:00Z'),
        revocationReason: 'Fraude au dossier',
      }),
    );
    expect(flat(read.text)).toContain('RÉVOQUÉ le 01/07/2026');
    expect(flat(read.text)).toContain('Motif : Fraude au dossier');
    expect(read.qrCodes).toEqual([verificationUrl]);
  });
});

describe('the livret de certification PDF (R11)', () => {
  const livret: LivretDocument = {
    livretId: 'l1',
    holderName: 'Grace Hopper',
    certification: content.certification,
    status: 'IN_PROGRESS',
    capitalizationDeadline: '2031-03-12',
    acquired: [
      { ...(content.components[0] as (typeof content.components)[number]), sessionId: 'session-1' },
    ],
    missing: [{ code: 'TP-DWWM-CCP2', title: 'Composant TP-DWWM-CCP2' }],
    authority: issuingAuthority(content.certification),
    generatedOn: '2026-06-10',
  };

  it.each([
    ['the holder', 'Titulaire : Grace Hopper'],
    ['the title and code', 'Développeur web et web mobile (TP-DWWM)'],
    [
      'each component acquired, with its date and session',
      /TP-DWWM-CCP1 +Composant TP-DWWM-CCP1 +12\/03\/2026 +session-1/,
    ],
    ['what is missing', 'TP-DWWM-CCP2 — Composant TP-DWWM-CCP2'],
    ['the deadline', 'Date limite de capitalisation : 12/03/2031'],
    ['the status', 'Statut : en cours'],
    ['the issuing authority (R11)', 'représentant territorial du ministère'],
  ])('states %s', async (_what, expected) => {
    const read = readPdfBack(await renderLivretPdf(livret));
    expect(read.width).toBe(595);
    if (typeof expected === 'string') expect(flat(read.text)).toContain(expected);
    else expect(read.text).toMatch(expected);
  });
});
