import { decodeCloudEvent } from '@certif/platform-events';
import { waitFor } from '@certif/platform-events/testing';
import { describeOnEachDatabase } from '@certif/platform-persistence/testing';
import { startTestPlatform, type TestPlatform, contractOperationLookup } from './testing';

jest.setTimeout(120_000);

const op = contractOperationLookup({ next: true });

const newTitle = {
  code: 'TP-E2E',
  title: 'Technicien(ne) en tests de bout en bout',
  kind: 'PROFESSIONAL_TITLE',
  level: 5,
  nsfCodes: ['326t'],
  romeCodes: ['M1805'],
  certifier: { name: 'Ministère du Travail' },
  capitalizationRule: 'WITHIN_TITLE_VALIDITY',
  requiresFinalInterview: true,
  components: [
    {
      code: 'E2E-CCP1',
      title: 'Préparer les tests',
      kind: 'CCP',
      competences: ['Écrire un plan de test'],
    },
    { code: 'E2E-CCP2', title: 'Automatiser les tests', kind: 'CCP', competences: ['Automatiser'] },
  ],
};

describeOnEachDatabase('referentials through the gateway', (dialect) => {
  let t: TestPlatform;
  let manager: string;
  let reader: string;

  beforeAll(async () => {
    t = await startTestPlatform(dialect);
    manager = await t.token(['REFERENTIAL_MANAGER']);
    reader = await t.token(['CANDIDATE'], { candidateId: 'c-1' });
  });
  afterAll(() => t.stop());

  it('lists the five seed certifications, paginated', async () => {
    const first = await t.graphql(op('Certifications'), { first: 2 }, reader);
    expect(first.errors).toBeUndefined();
    const page = first.data?.['certifications'] as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: { code: string } }[];
    };
    expect(page.totalCount).toBe(5);
    expect(page.edges.map((e) => e.node.code)).toEqual(['RNCP28754', 'RNCP36912']);
    const next = await t.graphql(
      op('Certifications'),
      { first: 10, after: page.pageInfo.endCursor },
      reader,
    );
    const rest = (next.data?.['certifications'] as { edges: { node: { code: string } }[] }).edges;
    expect(rest.map((e) => e.node.code)).toEqual(['TP-CDA', 'TP-DL', 'TP-DWWM']);
  });

  it('filters by status, level, ROME code, certifier and words', async () => {
    const codes = async (filter: object) =>
      (
        (await t.graphql(op('Certifications'), { filter }, reader)).data?.['certifications'] as {
          edges: { node: { code: string } }[];
        }
      ).edges.map((e) => e.node.code);
    expect(await codes({ status: 'CLOSED' })).toEqual(['RNCP28754', 'RNCP36912']);
    expect(await codes({ level: 6 })).toEqual(['TP-CDA']);
    expect(await codes({ romeCode: 'M1810' })).toEqual(['RNCP28754']);
    expect(await codes({ certifier: 'cnam' })).toEqual(['RNCP28754']);
    expect(await codes({ search: 'web mobile' })).toEqual(['TP-DWWM']);
  });

  it('reads seed 004 exactly as its document states it, note included', async () => {
    const response = await t.graphql(op('CertificationByCode'), { code: 'RNCP36912' }, reader);
    expect(response.errors).toBeUndefined();
    expect(response.data?.['certification']).toMatchObject({
      code: 'RNCP36912',
      kind: 'RNCP_CERTIFICATION',
      level: 7,
      nsfCodes: ['326t'],
      romeCodes: ['M1802', 'M1805', 'M1806'],
      formacodes: ['31057'],
      certifier: { name: 'OPENCLASSROOMS', siret: '49386136300080' },
      registeredFrom: '2022-09-29',
      registeredUntil: '2025-09-29',
      status: 'CLOSED',
      requiresFinalInterview: false,
      revises: null,
      revisedBy: null,
      correspondences: [],
    });
    const components = (
      response.data?.['certification'] as { components: { code: string; position: number }[] }
    ).components;
    expect(components.map((c) => [c.code, c.position])).toEqual([
      ['RNCP36912BC01', 1],
      ['RNCP36912BC02', 2],
      ['RNCP36912BC03', 3],
    ]);
  });

  it('records a certification’s access routes and jury rule, or the contract’s defaults', async () => {
    const rules = async (code: string) =>
      (await t.graphql(op('CertificationRules'), { code }, manager)).data?.['certification'];
    const stated = await t.graphql(
      op('CreateCertification'),
      {
        input: {
          ...newTitle,
          code: 'RNCP-RULES-E2E',
          kind: 'RNCP_CERTIFICATION',
          components: newTitle.components.map((c) => ({ ...c, kind: 'BLOC' })),
          pathways: ['INITIAL_TRAINING', 'VAE'],
          juryRule: { minMembers: 4, minProfessionals: 2, requiredRoles: ['TEACHER', 'TEACHER'] },
        },
      },
      manager,
    );
    expect(stated.errors).toBeUndefined();
    expect(await rules('RNCP-RULES-E2E')).toMatchObject({
      pathways: ['INITIAL_TRAINING', 'VAE'],
      juryRule: {
        minMembers: 4,
        minProfessionals: 2,
        allProfessionals: false,
        requiredRoles: ['TEACHER', 'TEACHER'],
      },
    });
    const defaults = await t.graphql(
      op('CreateCertification'),
      { input: { ...newTitle, code: 'TP-RULES-E2E' } },
      manager,
    );
    expect(defaults.errors).toBeUndefined();
    const read = (await rules('TP-RULES-E2E')) as { pathways: string[]; juryRule: unknown };
    expect(read.pathways).toHaveLength(7);
    expect(read.juryRule).toEqual({
      minMembers: 2,
      minProfessionals: 2,
      allProfessionals: true,
      requiredRoles: [],
    });
    const contradictory = await t.graphql(
      op('CreateCertification'),
      {
        input: {
          ...newTitle,
          code: 'TP-BAD-RULE',
          juryRule: {
            minMembers: 2,
            minProfessionals: 1,
            allProfessionals: true,
            requiredRoles: ['TRAINER'],
          },
        },
      },
      manager,
    );
    expect(contradictory.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'juryRule.requiredRoles',
    });
  });

  it('creates a DRAFT, publishes it, revises it with correspondences and closes the new version', async () => {
    const created = await t.graphql(op('CreateCertification'), { input: newTitle }, manager);
    expect(created.errors).toBeUndefined();
    const draft = created.data?.['createCertification'] as { id: string; status: string };
    expect(draft.status).toBe('DRAFT');

    const published = await t.graphql(op('PublishCertification'), { id: draft.id }, manager);
    expect(published.data?.['publishCertification']).toEqual({ id: draft.id, status: 'ACTIVE' });

    const revised = await t.graphql(
      op('ReviseCertification'),
      {
        id: draft.id,
        input: {
          code: 'TP-E2E-2027',
          registeredFrom: '2027-01-01',
          components: [
            {
              code: 'E2E27-CCP1',
              title: 'Tester une application',
              kind: 'CCP',
              competences: ['Tout tester'],
            },
          ],
          correspondences: [{ from: ['E2E-CCP1', 'E2E-CCP2'], to: 'E2E27-CCP1' }],
        },
      },
      manager,
    );
    expect(revised.errors).toBeUndefined();
    expect(revised.data?.['reviseCertification']).toMatchObject({
      code: 'TP-E2E-2027',
      status: 'ACTIVE',
      revises: { id: draft.id, code: 'TP-E2E', status: 'REVISED' },
      components: [{ code: 'E2E27-CCP1' }],
      correspondences: [
        { from: [{ code: 'E2E-CCP1' }, { code: 'E2E-CCP2' }], to: { code: 'E2E27-CCP1' } },
      ],
    });
    const newId = (revised.data?.['reviseCertification'] as { id: string }).id;

    const old = await t.graphql(op('CertificationByCode'), { code: 'TP-E2E' }, reader);
    expect(old.data?.['certification']).toMatchObject({
      status: 'REVISED',
      revisedBy: { id: newId, code: 'TP-E2E-2027' },
    });

    const closed = await t.graphql(
      op('CloseCertification'),
      { id: newId, closedOn: '2027-12-31' },
      manager,
    );
    expect(closed.data?.['closeCertification']).toEqual({
      id: newId,
      status: 'ACTIVE',
      registeredUntil: '2027-12-31',
    });
  });

  it('publishes every change on referentials.certification.v1, through the outbox', async () => {
    const changes = () =>
      t.platform.bus
        .messages('referentials.certification.v1')
        .map(
          (message) =>
            decodeCloudEvent(message).data as {
              change: string;
              certification: { code: string; status: string };
            },
        )
        .map((data) => `${data.change} ${data.certification.code} ${data.certification.status}`);
    await waitFor(() => changes().includes('CLOSED TP-E2E-2027 ACTIVE'));
    expect(changes()).toEqual(
      expect.arrayContaining([
        'PUBLISHED TP-DL ACTIVE',
        'PUBLISHED RNCP36912 CLOSED',
        'PUBLISHED TP-E2E ACTIVE',
        'REVISED TP-E2E REVISED',
        'REVISED TP-E2E-2027 ACTIVE',
      ]),
    );
    expect(changes().filter((c) => c.startsWith('PUBLISHED TP-DL '))).toHaveLength(1);
  });

  it('serves Prometheus metrics with GraphQL latency by operation and errors by code', async () => {
    await t.graphql(op('Certifications'), { first: 1 }, reader);
    await t.graphql(
      op('CreateCertification'),
      { input: { ...newTitle, code: 'TP-METRICS' } },
      reader,
    );
    const metrics = await (
      await fetch(t.platform.gatewayUrl.replace('/graphql', '/metrics'))
    ).text();
    expect(metrics).toMatch(
      /graphql_operation_duration_seconds_count\{service="gateway",operation="Certifications",type="query"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /graphql_errors_total\{service="gateway",operation="CreateCertification",code="FORBIDDEN"\} [1-9]/,
    );
    expect(metrics).toMatch(/http_request_duration_seconds_bucket\{.*service="referentials"/);
    expect(metrics).toMatch(
      /certif_db_pool_connections\{service="referentials",state="open"\} [1-9]/,
    );
    expect(metrics).toMatch(/certif_events_outbox_unsent\{service="referentials"\} \d/);
  });

  describe('refusals', () => {
    const code = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
      response.errors?.[0]?.extensions?.['code'];

    it('UNAUTHENTICATED without a token, and with a forged one', async () => {
      const anonymous = await t.graphql(op('Certifications'), {});
      expect(code(anonymous)).toBe('UNAUTHENTICATED');
      const forged = await t.graphql(op('Certifications'), {}, `${reader.slice(0, -4)}AAAA`);
      expect(forged.status).toBe(401);
      expect(code(forged)).toBe('UNAUTHENTICATED');
    });

    it('FORBIDDEN for a role that may not change referentials', async () => {
      const response = await t.graphql(
        op('CreateCertification'),
        { input: { ...newTitle, code: 'TP-NOPE' } },
        reader,
      );
      expect(code(response)).toBe('FORBIDDEN');
      expect(response.errors?.[0]?.message).toMatch(/REFERENTIAL_MANAGER/);
    });

    it.each`
      case                       | input                                      | message
      ${'a duplicate code'}      | ${{ code: 'TP-DL' }}                       | ${/code TP-DL already exists/}
      ${'a level outside 1–8'}   | ${{ code: 'TP-LVL', level: 9 }}            | ${/level: must be a European level from 1 to 8/}
      ${'a malformed ROME code'} | ${{ code: 'TP-ROME', romeCodes: ['M18'] }} | ${/romeCodes\[0\]/}
    `('BAD_USER_INPUT for $case', async ({ input, message }) => {
      const response = await t.graphql(
        op('CreateCertification'),
        { input: { ...newTitle, ...input } },
        manager,
      );
      expect(code(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(message);
    });

    it('BAD_USER_INPUT for an impossible date, before any resolver runs', async () => {
      const seed = await t.graphql(op('CertificationByCode'), { code: 'TP-CDA' }, reader);
      const id = (seed.data?.['certification'] as { id: string }).id;
      const response = await t.graphql(
        op('CloseCertification'),
        { id, closedOn: '2027-02-30' },
        manager,
      );
      expect(code(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    });

    it('BAD_USER_INPUT when revising a DRAFT, or with a correspondence naming an unknown component', async () => {
      const created = await t.graphql(
        op('CreateCertification'),
        { input: { ...newTitle, code: 'TP-DRAFT' } },
        manager,
      );
      const id = (created.data?.['createCertification'] as { id: string }).id;
      const input = { code: 'TP-DRAFT-2', components: newTitle.components, correspondences: [] };
      const draft = await t.graphql(op('ReviseCertification'), { id, input }, manager);
      expect(code(draft)).toBe('BAD_USER_INPUT');
      expect(draft.errors?.[0]?.message).toMatch(/DRAFT: publish it before revising/);

      const cda = await t.graphql(op('CertificationByCode'), { code: 'TP-CDA' }, reader);
      const cdaId = (cda.data?.['certification'] as { id: string }).id;
      const unknown = await t.graphql(
        op('ReviseCertification'),
        {
          id: cdaId,
          input: {
            ...input,
            code: 'TP-CDA-X',
            correspondences: [{ from: ['TP-CDA-CCP9'], to: 'E2E-CCP1' }],
          },
        },
        manager,
      );
      expect(code(unknown)).toBe('BAD_USER_INPUT');
      expect(unknown.errors?.[0]?.message).toMatch(/"TP-CDA-CCP9" is not a component of TP-CDA/);
    });

    it('NOT_FOUND for an unknown id', async () => {
      const response = await t.graphql(op('PublishCertification'), { id: 'no-such-id' }, manager);
      expect(code(response)).toBe('NOT_FOUND');
    });

    it('refuses a query deeper than the limit', async () => {
      const deep = `{ certification(code: "TP-CDA") { revises { revises { revises { revises { revises { revises { revises { revises { revises { revises { code } } } } } } } } } } } }`;
      const response = await t.graphql(deep, {}, reader);
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/Query depth limit of 10 exceeded/);
    });

    it('refuses a body larger than the limit with 413', async () => {
      const response = await t.graphql(
        op('Certifications'),
        { filter: { search: 'x'.repeat(200_000) } },
        reader,
      );
      expect(response.status).toBe(413);
    });
  });
});
