import type { RegistrationDraft } from '@certif/candidates-domain';
import { inMemoryDependencies } from '../testing';
import { RegisterCandidateService } from './register-candidate.service';

describe('RegisterCandidateService', () => {
  const draft: RegistrationDraft = {
    firstName: ' Léa ',
    lastName: 'Martin',
    birthDate: '1995-04-12',
    email: 'Lea@Example.fr',
    accommodations: ['tiers-temps'],
  };

  it('registers a candidate at version 1 and publishes REGISTERED without accommodations leaving the service', async () => {
    const deps = inMemoryDependencies();
    const candidate = await new RegisterCandidateService(deps).execute(draft);
    expect(candidate).toMatchObject({
      firstName: 'Léa',
      email: 'lea@example.fr',
      accommodations: ['tiers-temps'],
      version: 1,
      erasedAt: null,
    });
    expect(await deps.unitOfWork.reader.findById(candidate.id)).toEqual(candidate);
    expect(
      deps.unitOfWork.events.map((e) => [e.change, e.candidate.version, e.enrollments.length]),
    ).toEqual([['REGISTERED', 1, 0]]);
  });

  it('stores and publishes nothing when the input is refused', async () => {
    const deps = inMemoryDependencies();
    await expect(
      new RegisterCandidateService(deps).execute({ ...draft, birthDate: '2030-01-01' }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.birthDate',
    });
    expect(deps.unitOfWork.state.candidates.size).toBe(0);
    expect(deps.unitOfWork.events).toEqual([]);
  });
});
