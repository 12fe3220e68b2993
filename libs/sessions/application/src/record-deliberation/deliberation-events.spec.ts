import { checkDeliberation, recordedDecision, type DecisionRequest } from '@certif/sessions-domain';
import {
  juror,
  registration,
  sampleCertification,
  sampleSession,
} from '@certif/sessions-domain/testing';
import { deliberationEvents } from './deliberation-events';

const certification = sampleCertification();

function eventsOf(session = sampleSession(), requests: Partial<DecisionRequest>[]) {
  const registrations = requests.map((_, i) => registration(i));
  const checked = checkDeliberation(
    {
      session,
      certification,
      jurors: [juror('pro-1', 'PROFESSIONAL'), juror('pro-2', 'PROFESSIONAL')],
      registrations,
      today: '2026-11-22',
    },
    requests.map((r, i) => ({
      registrationId: `registration-${i}`,
      outcome: 'NOT_AWARDED',
      awardedComponentIds: null,
      finalInterviewPassed: null,
      decidedOn: '2026-06-05',
      ...r,
    })),
  );
  const decided = checked.map((c, i) => ({
    checked: c,
    decision: recordedDecision(session, c, {
      id: `decision-${i}`,
      recordedAt: new Date('2026-06-05T17:00:00Z'),
      recordedBy: 'pro-1',
    }),
  }));
  return deliberationEvents(session, certification, decided);
}

describe('deliberationEvents', () => {
  it.each`
    case                                                     | session                                                                                   | request                                                                                         | components                                       | title
    ${'TITLE_AWARDED: one event per component of the title'} | ${sampleSession()}                                                                        | ${{ outcome: 'TITLE_AWARDED' }}                                                                 | ${['TP-CDA-CCP1', 'TP-CDA-CCP2', 'TP-CDA-CCP3']} | ${true}
    ${'COMPONENTS_AWARDED: one per component awarded'}       | ${sampleSession()}                                                                        | ${{ outcome: 'COMPONENTS_AWARDED', awardedComponentIds: ['ccp3'] }}                             | ${['TP-CDA-CCP3']}                               | ${false}
    ${'the last CCP and the final interview (R3)'}           | ${sampleSession({ scope: 'COMPONENTS', componentIds: ['ccp3'] })}                         | ${{ outcome: 'COMPONENTS_AWARDED', awardedComponentIds: ['ccp3'], finalInterviewPassed: true }} | ${['TP-CDA-CCP3']}                               | ${true}
    ${'a CCS awarded: the title event only'}                 | ${sampleSession({ scope: 'SPECIALIZATION', componentIds: [], specializationId: 'ccs1' })} | ${{ outcome: 'TITLE_AWARDED' }}                                                                 | ${[]}                                            | ${true}
    ${'NOT_AWARDED: nothing'}                                | ${sampleSession()}                                                                        | ${{ outcome: 'NOT_AWARDED', finalInterviewPassed: false }}                                      | ${[]}                                            | ${false}
    ${'ABSENT: nothing'}                                     | ${sampleSession()}                                                                        | ${{ outcome: 'ABSENT' }}                                                                        | ${[]}                                            | ${false}
  `('$case', ({ session, request, components, title }) => {
    const { acquired, titles } = eventsOf(session, [request]);
    expect(acquired.map((e) => e.componentCode)).toEqual(components);
    expect(titles).toHaveLength(title ? 1 : 0);
  });

  it('carries the decision, the candidate and the session’s scope', () => {
    const session = sampleSession({
      scope: 'SPECIALIZATION',
      componentIds: [],
      specializationId: 'ccs1',
    });
    const { titles } = eventsOf(session, [{ outcome: 'TITLE_AWARDED', decidedOn: '2026-06-04' }]);
    expect(titles[0]).toEqual({
      candidateId: 'candidate-0',
      enrollmentId: 'enrollment-0',
      registrationId: 'registration-0',
      sessionId: 'session-1',
      decisionId: 'decision-0',
      certificationId: 'cda',
      decidedOn: '2026-06-04',
      outcome: 'TITLE_AWARDED',
      finalInterviewPassed: false,
      scope: 'SPECIALIZATION',
      specializationId: 'ccs1',
    });
  });
});
