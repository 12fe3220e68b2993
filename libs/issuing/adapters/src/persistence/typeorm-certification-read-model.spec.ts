import { certificationVersion } from '@certif/issuing-domain/testing';
import { onStatement } from '@certif/platform-persistence';
import {
  describeOnEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '@certif/platform-persistence/testing';
import { issuingTables } from './issuing-migrations';
import { TypeOrmCertificationReadModel } from './typeorm-certification-read-model';

const cda2018 = certificationVersion('TP-CDA-2018', ['CDA18-1', 'CDA18-2'], {
  revisedById: 'id-TP-CDA',
});
const cda = certificationVersion('TP-CDA', ['CDA-1', 'CDA-2', 'CDA-3'], {
  revisesId: 'id-TP-CDA-2018',
  version: 2,
});
const dwwm = certificationVersion('TP-DWWM', ['DWWM-1', 'DWWM-2']);
const dl = certificationVersion('TP-DL', ['DL-1', 'DL-2']);

describeOnEachDatabase('TypeOrmCertificationReadModel', (dialect) => {
  let db: TestDatabase;
  let readModel: TypeOrmCertificationReadModel;

  beforeAll(async () => {
    db = await openTestDatabase(dialect, issuingTables);
    readModel = new TypeOrmCertificationReadModel(db.dataSource.manager);
    for (const version of [cda2018, cda, dwwm, dl]) await readModel.save(version);
  });
  afterAll(() => db.close());

  it('gives each version asked its lineage, oldest first, and leaves out the unknown ones', async () => {
    const lineages = await readModel.lineagesOf([
      'id-TP-CDA-2018',
      'id-TP-CDA',
      'id-TP-DWWM',
      'id-unknown',
    ]);
    expect([...lineages.keys()].sort()).toEqual(['id-TP-CDA', 'id-TP-CDA-2018', 'id-TP-DWWM']);
    expect(lineages.get('id-TP-CDA')?.versions.map((v) => v.code)).toEqual([
      'TP-CDA-2018',
      'TP-CDA',
    ]);
    expect(lineages.get('id-TP-CDA-2018')).toEqual(lineages.get('id-TP-CDA'));
    expect(lineages.get('id-TP-DWWM')).toEqual({ rootId: 'id-TP-DWWM', versions: [dwwm] });
    expect(await readModel.lineageOf('id-TP-CDA')).toEqual(lineages.get('id-TP-CDA'));
    expect(await readModel.lineageOf('id-unknown')).toBeNull();
  });

  it('reads the lineages of many versions in as many queries as one lineage takes, not one per version', async () => {
    const statements: string[] = [];
    const stop = onStatement(db.dataSource, (sql) => statements.push(sql));
    try {
      await readModel.lineagesOf(['id-TP-DWWM', 'id-TP-DL']);
      const unrevised = statements.length;
      await readModel.lineagesOf(['id-TP-DWWM', 'id-TP-DL', 'id-TP-CDA']);
      expect(unrevised).toBe(1);
      // Finding TP-CDA-2018 from TP-CDA takes a second step along the chain, not a query per id.
      expect(statements.length - unrevised).toBe(2);
    } finally {
      stop();
    }
  });
});
