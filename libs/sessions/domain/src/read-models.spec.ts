import { lineageIds, type CertificationView } from './read-models';
import { sampleCertification } from './testing';

describe('lineageIds (R4)', () => {
  const v1 = sampleCertification({ id: 'v1', revisedById: 'v2' });
  const v2 = sampleCertification({ id: 'v2', revisesId: 'v1', revisedById: 'v3' });
  const v3 = sampleCertification({ id: 'v3', revisesId: 'v2' });
  const other = sampleCertification({ id: 'other' });
  const known = (...views: CertificationView[]) => new Map(views.map((v) => [v.id, v]));

  it.each`
    from       | views                  | lineage
    ${'v1'}    | ${[v1, v2, v3, other]} | ${['v1', 'v2', 'v3']}
    ${'v3'}    | ${[v1, v2, v3, other]} | ${['v1', 'v2', 'v3']}
    ${'v2'}    | ${[v2]}                | ${['v1', 'v2', 'v3']}
    ${'other'} | ${[v1, v2, v3, other]} | ${['other']}
  `('from $from', ({ from, views, lineage }) => {
    expect(lineageIds(from, known(...views)).sort()).toEqual(lineage);
  });
});
