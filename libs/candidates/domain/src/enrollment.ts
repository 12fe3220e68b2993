import type { LocalDate } from '@certif/platform-calendar';
import type { Pathway } from './pathway';

/**
 * R6: the recevabilité notice of a VAE enrolment, from the State's regional labour service
 * (DIRECCTE, now DREETS), with the minimum experience the certification required when recorded.
 */
export interface VaeAdmissibility {
  noticeNumber: string;
  issuedOn: LocalDate;
  issuedBy: string;
  experienceYears: number | null;
  /** The certification's minimum at the time (R6), null when it states none. */
  requiredExperienceYears: number | null;
  recordedAt: Date;
}

/**
 * Every enrolment is OPEN today. Extension point: a later change closes an enrolment when its
 * parchemin is issued (issuing.credential.v1); add the status here and `isOpen` keeps the
 * double-enrolment rule right.
 */
export const ENROLLMENT_STATUSES = ['OPEN'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** A candidate's pathway towards one certification. */
export interface Enrollment {
  id: string;
  candidateId: string;
  certificationId: string;
  pathway: Pathway;
  startedOn: LocalDate;
  trainingCenter: string | null;
  status: EnrollmentStatus;
  enrolledAt: Date;
  vaeAdmissibility: VaeAdmissibility | null;
}

export function isOpen(enrollment: Pick<Enrollment, 'status'>): boolean {
  return enrollment.status === 'OPEN';
}
