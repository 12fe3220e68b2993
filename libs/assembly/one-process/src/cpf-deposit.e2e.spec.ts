import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, LocalDate } from '@certif/platform-calendar';
import { waitFor } from '@certif/platform-events/testing';
import { describeOnMysql } from '@certif/platform-persistence/testing';
import { cpfSchemaErrors } from '@certif/issuing-adapters/testing';
import { exportCpf, importCpfReport, type RunningIssuingService } from '@certif/issuing-service';
import { startTestPlatform, type TestPlatform, contractOperationLookup } from './testing';

jest.setTimeout(180_000);

const op = contractOperationLookup();

const SET_CPF_IDS = `mutation SetCpf($id: ID!, $client: String, $contract: String) {
  setCertifierCpfIdentifiers(id: $id, cpfClientId: $client, cpfContractId: $contract) {
    id certifier { name siret cpfClientId cpfContractId }
  }
}`;
const CPF_DEPOSITS = `query CpfDeposits {
  cpfDeposits {
    pending overdue awaitingReport
    batches { idFlux passages accepted rejected awaitingReport certifierSiret }
    overdueParchemins { number obtainedOn depositDeadline lastStatus lastError }
    withdrawals { number idFlux revocationReason }
  }
}`;

/** A clock the test moves: the deadline is three months after the award. */
function movableClock(start: LocalDate): Clock & { set(day: LocalDate): void } {
  let today = start;
  return {
    today: () => today,
    now: () => new Date(`${today}T12:00:00.000Z`),
    set: (day) => {
      today = day;
    },
  };
}

const lyon = { inseeCode: '69123', city: 'Lyon', countryCode: 'FRA', country: 'France' };

describeOnMysql('depositing holders with the Caisse des Dépôts, through the gateway', () => {
  let t: TestPlatform;
  let out: string;
  let admin: string;
  let manager: string;
  let referentials: string;
  const clock = movableClock('2026-06-10');
  const numbers: { [name: string]: string } = {};
  const ids: { [name: string]: string } = {};
  const issuing = () => t.platform.services['issuing'] as RunningIssuingService;
  const context = () => ({ dataSource: issuing().dataSource, clock });

  async function ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<T> {
    return waitFor(async () => {
      const response = await t.graphql(query, variables, token);
      if (response.errors) throw new Error(response.errors[0]?.message);
      return response.data as T;
    });
  }

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'cpf-e2e-'));
    t = await startTestPlatform('mysql', { clock });
    admin = await t.token(['ADMIN']);
    manager = await t.token(['SESSION_MANAGER'], { sub: 'centre' });
    referentials = await t.token(['REFERENTIAL_MANAGER']);
    const juror = await t.token(['JURY_MEMBER'], { sub: 'pro-1' });

    const created = await ok<{ createCertification: { id: string } }>(
      op('CreateCertification'),
      {
        input: {
          code: 'RNCP99901',
          title: 'Développeur cloud',
          kind: 'RNCP_CERTIFICATION',
          level: 6,
          certifier: { name: 'École du Cloud', siret: '12345678901234' },
          capitalizationRule: 'UNLIMITED',
          requiresFinalInterview: false,
          components: [{ code: 'RNCP99901BC01', title: 'Déployer', kind: 'BLOC' }],
        },
      },
      referentials,
    );
    ids['certification'] = created.createCertification.id;
    await ok(op('PublishCertification'), { id: ids['certification'] }, referentials);

    const holders = [
      {
        name: 'ada',
        firstName: 'Ada',
        lastName: 'Lovelace',
        sex: 'F',
        birthName: 'Byron',
        pathway: 'CONTINUOUS_TRAINING',
        birthPlace: lyon,
      },
      {
        name: 'alan',
        firstName: 'Alan',
        lastName: 'Turing',
        sex: 'M',
        pathway: 'APPRENTICESHIP',
        birthPlace: { postalCode: '75009', city: 'Paris' },
      },
      { name: 'grace', firstName: 'Grace', lastName: 'Hopper', pathway: 'CONTINUOUS_TRAINING' },
    ];
    const enrollments: string[] = [];
    for (const h of holders) {
      const registered = await ok<{ registerCandidate: { id: string } }>(
        op('RegisterCandidate'),
        {
          input: {
            firstName: h.firstName,
            lastName: h.lastName,
            birthDate: '1990-03-14',
            ...(h.sex ? { sex: h.sex } : {}),
            ...(h.birthName ? { birthName: h.birthName } : {}),
            ...(h.birthPlace ? { birthPlace: h.birthPlace } : {}),
          },
        },
        manager,
      );
      ids[h.name] = registered.registerCandidate.id;
      const enrolled = await ok<{ enrollCandidate: { id: string } }>(
        op('EnrollCandidate'),
        {
          input: {
            candidateId: registered.registerCandidate.id,
            certificationId: ids['certification'],
            pathway: h.pathway,
            startedOn: '2025-09-01',
          },
        },
        manager,
      );
      enrollments.push(enrolled.enrollCandidate.id);
    }
    const planned = await ok<{ planSession: { id: string } }>(
      op('PlanSession'),
      {
        input: {
          certificationId: ids['certification'],
          scope: 'FULL_TITLE',
          center: 'Lyon',
          startsOn: '2026-06-01',
          endsOn: '2026-06-05',
        },
      },
      manager,
    );
    const sessionId = planned.planSession.id;
    for (const [userId, name] of [
      ['pro-1', 'Juliette Martin'],
      ['pro-2', 'Karim Benali'],
    ])
      await ok(
        op('AddJuror'),
        { sessionId, input: { userId, name, role: 'PROFESSIONAL' } },
        manager,
      );
    const registrations: string[] = [];
    for (const enrollmentId of enrollments) {
      const registered = await ok<{ registerToSession: { id: string } }>(
        op('RegisterToSession'),
        { sessionId, enrollmentId },
        manager,
      );
      registrations.push(registered.registerToSession.id);
    }
    await ok(
      op('RecordDeliberation'),
      {
        sessionId,
        decisions: registrations.map((registrationId) => ({
          registrationId,
          outcome: 'TITLE_AWARDED',
          finalInterviewPassed: true,
          decidedOn: '2026-06-05',
        })),
      },
      juror,
    );
    for (const h of holders) {
      const record = await waitFor(async () => {
        const response = await t.graphql<{
          candidate: { credentials: { id: string; number: string }[] } | null;
        }>(op('CandidateRecord'), { id: ids[h.name] }, manager);
        expect(response.data?.candidate?.credentials).toHaveLength(1);
        return response.data?.candidate;
      });
      numbers[h.name] = record?.credentials[0]?.number as string;
      ids[`${h.name}-credential`] = record?.credentials[0]?.id as string;
    }
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  it('sends nothing while the certifier has no identifiers, and says so', async () => {
    const report = await exportCpf(context(), { out });
    expect(report.files).toEqual([]);
    expect(report.certifiersMissingData).toEqual([
      {
        certifier: { name: 'École du Cloud', siret: '12345678901234' },
        missing: ['cpfClientId', 'cpfContractId'],
        certifications: ['RNCP99901'],
        parchemins: 3,
      },
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it("lets only a REFERENTIAL_MANAGER set the certifier's identifiers", async () => {
    const refused = await t.graphql(
      SET_CPF_IDS,
      { id: ids['certification'], client: 'EC123456', contract: 'MCFCER0001' },
      manager,
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const invalid = await t.graphql(
      SET_CPF_IDS,
      { id: ids['certification'], client: 'EC12', contract: 'MCFCER0001' },
      referentials,
    );
    expect(invalid.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const set = await ok<{ setCertifierCpfIdentifiers: { certifier: object } }>(
      SET_CPF_IDS,
      { id: ids['certification'], client: 'EC123456', contract: 'MCFCER0001' },
      referentials,
    );
    expect(set.setCertifierCpfIdentifiers.certifier).toEqual({
      name: 'École du Cloud',
      siret: '12345678901234',
      cpfClientId: 'EC123456',
      cpfContractId: 'MCFCER0001',
    });
  });

  it('exports one file of the complete holders, valid against the official schema', async () => {
    const dry = await waitFor(async () => {
      const report = await exportCpf(context(), { out, dryRun: true });
      expect(report.files).toHaveLength(1);
      return report;
    });
    expect(dry.files[0]?.path).toBeNull();
    expect(readdirSync(out)).toEqual([]);

    const report = await exportCpf(context(), { out, certifierSiret: '12345678901234' });
    expect(report.files).toEqual([
      expect.objectContaining({ passages: 2, certifications: ['RNCP99901'] }),
    ]);
    expect(report.holdersMissingData).toEqual([
      {
        number: numbers['grace'],
        candidateId: ids['grace'],
        missing: ['sex', 'birthPlace.inseeCode or postalCode'],
      },
    ]);
    const xml = readFileSync(report.files[0]?.path as string, 'utf8');
    expect(await cpfSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain(`<cpf:idTechnique>${numbers['ada']}</cpf:idTechnique>`);
    expect(xml).toContain('<cpf:nomNaissance>Byron</cpf:nomNaissance>');
    expect(xml).toContain('<cpf:nomUsage>Lovelace</cpf:nomUsage>');
    expect(xml).toContain('<cpf:dateDebutValidite>2026-06-05</cpf:dateDebutValidite>');
    expect(xml).toContain(
      '<cpf:modaliteAcces>FORMATION_INITIALE_APPRENTISSAGE</cpf:modaliteAcces>',
    );
    expect(xml).toContain('<cpf:codePostal>75009</cpf:codePostal>');
    expect(xml).not.toContain('Hopper');
    ids['flux'] = report.files[0]?.idFlux as string;
  });

  it('sends nothing twice while the report is awaited', async () => {
    const again = await exportCpf(context(), { out });
    expect(again.files).toEqual([]);
  });

  it('applies the processing report: accepted deposited, rejected pending with the reason', async () => {
    const file = join(out, 'report.csv');
    writeFileSync(
      file,
      [
        'idFlux;idTechnique;statut;motif',
        `${ids['flux']};${numbers['ada']};ACCEPTE;`,
        `${ids['flux']};${numbers['alan']};REJETE;Commune de naissance inconnue`,
        `${ids['flux']};NOT-OURS-1;ACCEPTE;`,
      ].join('\n'),
    );
    const result = await importCpfReport(context(), file);
    expect(result).toEqual({
      accepted: [numbers['ada']],
      rejected: [{ idTechnique: numbers['alan'], message: 'Commune de naissance inconnue' }],
      alreadyApplied: [],
      unknown: ['NOT-OURS-1'],
    });
    expect((await importCpfReport(context(), file)).alreadyApplied).toHaveLength(2);

    const forbidden = await t.graphql(CPF_DEPOSITS, {}, manager);
    expect(forbidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const deposits = await ok<{ cpfDeposits: Record<string, unknown> }>(CPF_DEPOSITS, {}, admin);
    expect(deposits.cpfDeposits).toEqual({
      pending: 2,
      overdue: 0,
      awaitingReport: 0,
      batches: [
        {
          idFlux: ids['flux'],
          passages: 2,
          accepted: 1,
          rejected: 1,
          awaitingReport: 0,
          certifierSiret: '12345678901234',
        },
      ],
      overdueParchemins: [],
      withdrawals: [],
    });
  });

  it('re-exports the rejected passage only', async () => {
    const report = await exportCpf(context(), { out });
    expect(report.files).toEqual([expect.objectContaining({ passages: 1 })]);
    const xml = readFileSync(report.files[0]?.path as string, 'utf8');
    expect(await cpfSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain(`<cpf:idTechnique>${numbers['alan']}</cpf:idTechnique>`);
    expect(xml).not.toContain(numbers['ada']);
  });

  it('shows what is late after three months, in the query and the metric', async () => {
    clock.set('2026-09-06');
    const deposits = await ok<{
      cpfDeposits: { overdue: number; overdueParchemins: { number: string }[] };
    }>(CPF_DEPOSITS, {}, admin);
    // Alan's passage awaits its second report; Grace's data is still missing.
    expect(deposits.cpfDeposits.overdue).toBe(2);
    expect(deposits.cpfDeposits.overdueParchemins).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          number: numbers['grace'],
          depositDeadline: '2026-09-05',
          lastStatus: null,
        }),
        expect.objectContaining({ number: numbers['alan'], lastStatus: 'SENT' }),
      ]),
    );
    const metrics = await (
      await fetch(t.platform.gatewayUrl.replace('/graphql', '/metrics'))
    ).text();
    expect(metrics).toMatch(/certif_cpf_passages_overdue\{service="issuing"\} 2/);
  });

  it('lists a parchemin revoked after its deposit for withdrawal', async () => {
    await ok(
      op('RevokeCredential'),
      { id: ids['ada-credential'], reason: 'Fraude constatée' },
      manager,
    );
    const deposits = await ok<{ cpfDeposits: { withdrawals: object[] } }>(CPF_DEPOSITS, {}, admin);
    expect(deposits.cpfDeposits.withdrawals).toEqual([
      { number: numbers['ada'], idFlux: ids['flux'], revocationReason: 'Fraude constatée' },
    ]);
    expect((await exportCpf(context(), { out, dryRun: true })).withdrawals).toHaveLength(1);
  });
});
