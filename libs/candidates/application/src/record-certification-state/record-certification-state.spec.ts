import { sampleKnownCertification } from '@certif/candidates-domain/testing';
import { inMemoryDependencies } from '../testing';
import { RecordCertificationStateService } from './record-certification-state.service';

describe('RecordCertificationStateService', () => {
  it('keeps the highest version whatever the order of arrival', async () => {
    const store = inMemoryDependencies().unitOfWork.certifications;
    const record = new RecordCertificationStateService(store);
    const v2 = sampleKnownCertification({ version: 2 });
    const v3 = sampleKnownCertification({ version: 3, registeredUntil: '2027-06-30' });
    expect(await record.execute(v3)).toBe(true);
    expect(await record.execute(v2)).toBe(false);
    expect(await record.execute(v3)).toBe(false);
    expect(await store.findById(v3.id)).toEqual(v3);
  });
});
