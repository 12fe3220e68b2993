import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { acquired, decision } from '@certif/issuing-domain/testing';
import type { DecisionCorrection } from '@certif/issuing-domain';
import { issuingTables } from './issuing-migrations';
import { TypeOrmFactStore } from './typeorm-fact-store';

const correction: DecisionCorrection = {
  decisionId: 'D2',
  supersededDecisionId: 'D1',
  certificationId: 'id-TP-CDA',
  decidedOn: '2026-06-05',
  correctedOn: '2026-06-09',
  reason: 'CCP2 non acquis : erreur de report',
};

describeOnEachDatabase('TypeOrmFactStore: decision corrections (R9)', (dialect) => {
  let db: TestDatabase;
  let store: TypeOrmFactStore;

  beforeAll(async () => {
    db = await openTestDatabase(dialect, issuingTables);
    store = new TypeOrmFactStore(db.dataSource.manager);
  });
  afterAll(() => db.close());

  it('keeps a correction once, beside the facts it supersedes (nothing deleted)', async () => {
    const superseded = { ...acquired('TP-CDA-CCP1', '2026-06-05'), decisionId: 'D1' };
    await store.addAcquisition('candidate-1', superseded);
    await store.addDecision('candidate-1', {
      ...decision('TP-CDA', '2026-06-05'),
      decisionId: 'D1',
    });
    await store.addCorrection('candidate-1', correction);
    await store.addCorrection('candidate-1', { ...correction, reason: 'a replay changes nothing' });

    const facts = await store.ofCandidates(['candidate-1']);
    expect(facts.corrections).toEqual([{ ...correction, candidateId: 'candidate-1' }]);
    expect(facts.acquisitions.map((a) => a.decisionId)).toEqual(['D1']);
    expect(facts.decisions.map((d) => d.decisionId)).toEqual(['D1']);
  });

  it('finds a candidate whose only fact in a certification is a correction', async () => {
    await store.addCorrection('candidate-2', {
      ...correction,
      decisionId: 'D4',
      supersededDecisionId: 'D3',
      certificationId: 'id-TP-DWWM',
    });
    expect(await store.candidatesWithFactsIn(['id-TP-DWWM'])).toEqual(['candidate-2']);
  });
});
