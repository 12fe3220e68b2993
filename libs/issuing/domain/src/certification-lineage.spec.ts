import { currentVersion, orderLineage } from './certification-lineage';
import { certificationVersion } from './testing';

const v1 = certificationVersion('A', ['A1'], { revisedById: 'id-B' });
const v2 = certificationVersion('B', ['B1'], { revisesId: 'id-A', revisedById: 'id-C' });
const v3 = certificationVersion('C', ['C1'], { revisesId: 'id-B' });

describe('orderLineage (R4)', () => {
  it.each`
    case                                           | from      | known                                  | root      | codes
    ${'from the oldest version'}                   | ${'id-A'} | ${[v3, v1, v2]}                        | ${'id-A'} | ${['A', 'B', 'C']}
    ${'from the current version'}                  | ${'id-C'} | ${[v1, v2, v3]}                        | ${'id-A'} | ${['A', 'B', 'C']}
    ${'the old version not arrived yet'}           | ${'id-B'} | ${[v2, v3]}                            | ${'id-A'} | ${['B', 'C']}
    ${'the middle one missing: named by its link'} | ${'id-C'} | ${[v1, v3]}                            | ${'id-B'} | ${['C']}
    ${'a certification never revised'}             | ${'id-X'} | ${[certificationVersion('X', ['X1'])]} | ${'id-X'} | ${['X']}
  `('$case', ({ from, known, root, codes }) => {
    const lineage = orderLineage(from, known);
    expect(lineage.rootId).toBe(root);
    expect(lineage.versions.map((v) => v.code)).toEqual(codes);
    expect(currentVersion(lineage).code).toBe(codes[codes.length - 1]);
  });

  it('refuses an unknown certification', () => {
    expect(() => orderLineage('id-Z', [v1])).toThrow(/not known/);
  });
});
