import { In, type EntityManager } from 'typeorm';
import type { ReadModelWriter } from '@certif/sessions-application';
import type {
  CandidateView,
  CertificationView,
  EnrollmentView,
  ParcheminView,
} from '@certif/sessions-domain';
import {
  CandidateViewRow,
  CertificationViewRow,
  EnrollmentViewRow,
  ParcheminViewRow,
} from './read-model.rows';
import {
  toCandidateView,
  toCandidateViewRow,
  toCertificationView,
  toCertificationViewRow,
  toEnrollmentView,
  toEnrollmentViewRow,
  toParcheminView,
  toParcheminViewRow,
} from './read-models.mapper';

/** The read models: read by the use cases, written only by the event handlers. */
export class TypeOrmReadModelRepository implements ReadModelWriter {
  constructor(private readonly manager: EntityManager) {}

  async certificationsByIds(ids: readonly string[]): Promise<CertificationView[]> {
    if (ids.length === 0) return [];
    return (await this.manager.findBy(CertificationViewRow, { id: In([...new Set(ids)]) })).map(
      toCertificationView,
    );
  }

  async enrollmentById(id: string): Promise<EnrollmentView | null> {
    const row = await this.manager.findOneBy(EnrollmentViewRow, { id });
    return row ? toEnrollmentView(row) : null;
  }

  async candidatesByIds(ids: readonly string[]): Promise<CandidateView[]> {
    if (ids.length === 0) return [];
    return (await this.manager.findBy(CandidateViewRow, { id: In([...new Set(ids)]) })).map(
      toCandidateView,
    );
  }

  async parcheminsOf(candidateId: string): Promise<ParcheminView[]> {
    return (await this.manager.findBy(ParcheminViewRow, { candidateId })).map(toParcheminView);
  }

  async parcheminById(id: string): Promise<ParcheminView | null> {
    const row = await this.manager.findOneBy(ParcheminViewRow, { id });
    return row ? toParcheminView(row) : null;
  }

  async saveCertification(view: CertificationView): Promise<void> {
    await this.manager.upsert(CertificationViewRow, toCertificationViewRow(view), ['id']);
  }

  async saveCandidate(
    candidate: CandidateView,
    enrollments: readonly EnrollmentView[],
  ): Promise<void> {
    await this.manager.upsert(CandidateViewRow, toCandidateViewRow(candidate), ['id']);
    if (enrollments.length > 0) {
      await this.manager.upsert(EnrollmentViewRow, enrollments.map(toEnrollmentViewRow), ['id']);
    }
  }

  async saveParchemin(parchemin: ParcheminView): Promise<void> {
    await this.manager.upsert(ParcheminViewRow, toParcheminViewRow(parchemin), ['id']);
  }
}
