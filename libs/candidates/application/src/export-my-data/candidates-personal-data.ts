import type { Enrollment, KnownCertification } from '@certif/candidates-domain';
import type { CandidatesUnitOfWork, PersonalDataContributor, PersonalDataSubject } from '../ports';

function enrollmentData(enrollment: Enrollment, certification: KnownCertification | undefined) {
  const vae = enrollment.vaeAdmissibility;
  return {
    id: enrollment.id,
    certification: {
      id: enrollment.certificationId,
      code: certification?.code ?? null,
      title: certification?.title ?? null,
    },
    pathway: enrollment.pathway,
    startedOn: enrollment.startedOn,
    trainingCenter: enrollment.trainingCenter,
    status: enrollment.status,
    enrolledAt: enrollment.enrolledAt.toISOString(),
    vaeAdmissibility: vae && { ...vae, recordedAt: vae.recordedAt.toISOString() },
  };
}

/** The candidates service's own section: identity, accommodations, enrolments, VAE notices. */
export class CandidatesPersonalData implements PersonalDataContributor {
  readonly source = 'candidates';

  constructor(private readonly unitOfWork: CandidatesUnitOfWork) {}

  async collect({ candidateId }: PersonalDataSubject): Promise<Record<string, unknown> | null> {
    const candidate = await this.unitOfWork.reader.findById(candidateId);
    if (!candidate) return null;
    const enrollments = await this.unitOfWork.reader.enrollmentsOf([candidateId]);
    const certifications = new Map(
      (
        await this.unitOfWork.certifications.findByIds(enrollments.map((e) => e.certificationId))
      ).map((c) => [c.id, c]),
    );
    return {
      candidate: {
        id: candidate.id,
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        birthDate: candidate.birthDate,
        sex: candidate.sex,
        birthName: candidate.birthName,
        birthPlace: candidate.birthPlace,
        email: candidate.email,
        accommodations: candidate.accommodations,
        registeredAt: candidate.registeredAt.toISOString(),
        erasedAt: candidate.erasedAt?.toISOString() ?? null,
      },
      enrollments: enrollments.map((e) => enrollmentData(e, certifications.get(e.certificationId))),
    };
  }
}
