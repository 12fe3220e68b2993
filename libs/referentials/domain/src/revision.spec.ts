import { planRevision, type RevisionDraft } from './revision';
import { publishedFromDraft, refusal, sampleDraft } from './testing';

const today = '2026-11-22';
const current = publishedFromDraft(sampleDraft());

function revision(overrides: Partial<RevisionDraft> = {}): RevisionDraft {
  return {
    code: 'TP-CDA-2023',
    title: null,
    registeredFrom: '2023-09-01',
    registeredUntil: null,
    components: [
      {
        code: 'CDA23-CCP1',
        title: 'Développer une application sécurisée',
        kind: 'CCP',
        competences: ['x'],
      },
      {
        code: 'CDA23-CCP2',
        title: 'Concevoir et développer une application organisée en couches',
        kind: 'CCP',
        competences: ['y'],
      },
    ],
    correspondences: [
      { from: ['TP-CDA-CCP1'], to: 'CDA23-CCP1' },
      { from: ['TP-CDA-CCP2', 'TP-CDA-CCP3'], to: 'CDA23-CCP2' },
    ],
    ...overrides,
  };
}

describe('planRevision (R4)', () => {
  it('keeps the identity of the title and takes the new code, dates and components', () => {
    const planned = planRevision(current, revision(), today);
    expect(planned.draft).toMatchObject({
      code: 'TP-CDA-2023',
      title: current.title,
      level: 6,
      capitalizationRule: 'WITHIN_TITLE_VALIDITY',
      requiresFinalInterview: true,
      registeredFrom: '2023-09-01',
      rncpCode: null,
    });
    expect(planned.draft.components.map((c) => c.code)).toEqual(['CDA23-CCP1', 'CDA23-CCP2']);
  });

  it('maps several old components to one new component', () => {
    expect(planRevision(current, revision(), today).correspondences[1]).toEqual({
      from: ['TP-CDA-CCP2', 'TP-CDA-CCP3'],
      to: 'CDA23-CCP2',
    });
  });

  it.each`
    case                           | certification                                                           | message
    ${'a DRAFT'}                   | ${publishedFromDraft(sampleDraft(), { publishedAt: null })}             | ${/DRAFT: publish it before revising/}
    ${'a version already revised'} | ${publishedFromDraft(sampleDraft(), { revisedById: 'v2' })}             | ${/already revised/}
    ${'a closed certification'}    | ${publishedFromDraft(sampleDraft(), { registeredUntil: '2024-01-01' })} | ${/closed/}
  `('refuses to revise $case', ({ certification, message }) => {
    expect(refusal(() => planRevision(certification, revision(), today)).message).toMatch(message);
  });

  it.each`
    case                                       | change                                                                | field                           | message
    ${'a correspondence from an unknown code'} | ${{ correspondences: [{ from: ['TP-CDA-CCP9'], to: 'CDA23-CCP1' }] }} | ${'correspondences[0].from[0]'} | ${/"TP-CDA-CCP9" is not a component of TP-CDA/}
    ${'a correspondence to an unknown code'}   | ${{ correspondences: [{ from: ['TP-CDA-CCP1'], to: 'NOPE' }] }}       | ${'correspondences[0].to'}      | ${/not a component of the new version/}
    ${'a correspondence from nothing'}         | ${{ correspondences: [{ from: [], to: 'CDA23-CCP1' }] }}              | ${'correspondences[0].from'}    | ${/at least one/}
    ${'the same code as the old version'}      | ${{ code: 'TP-CDA' }}                                                 | ${'input.code'}                 | ${/its own code/}
    ${'no components'}                         | ${{ components: [], correspondences: [] }}                            | ${'input.components'}           | ${/at least one component/}
  `('refuses $case', ({ change, field, message }) => {
    const error = refusal(() => planRevision(current, revision(change), today));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});
