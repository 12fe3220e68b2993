import { parseProcessingReport } from './processing-report';

describe("the Caisse des Dépôts' processing report", () => {
  it('reads accepted and rejected passages by idTechnique, whatever the column order', () => {
    const report = [
      'idFlux;Statut;Motif de rejet;Identifiant technique',
      'OC123456-1;ACCEPTE;;RNCP36912-2026-000001',
      'OC123456-1;REJETE;"Code INSEE ""6912"" inconnu; vérifier";RNCP36912-2026-000002',
      '',
    ].join('\r\n');
    expect(parseProcessingReport(report)).toEqual([
      { idTechnique: 'RNCP36912-2026-000001', accepted: true, message: null },
      {
        idTechnique: 'RNCP36912-2026-000002',
        accepted: false,
        message: 'Code INSEE "6912" inconnu; vérifier',
      },
    ]);
  });

  it.each`
    status       | accepted
    ${'VALIDE'}  | ${true}
    ${'OK'}      | ${true}
    ${'Intégré'} | ${true}
    ${'ERREUR'}  | ${false}
    ${'KO'}      | ${false}
    ${'Refusé'}  | ${false}
  `('reads the status $status as accepted $accepted', ({ status, accepted }) => {
    expect(parseProcessingReport(`idTechnique,statut\nX-1,${status}`)[0]?.accepted).toBe(accepted);
  });

  it.each`
    report                               | message
    ${''}                                | ${/empty/}
    ${'numero;statut\nX;OK'}             | ${/idTechnique/}
    ${'idTechnique;statut\nX;PEUT-ETRE'} | ${/line 2: "PEUT-ETRE" is neither accepted/}
    ${'idTechnique;statut\n;OK'}         | ${/line 2: no idTechnique/}
  `('refuses a report it cannot read, saying why: $message', ({ report, message }) => {
    expect(() => parseProcessingReport(report)).toThrow(message);
  });
});
