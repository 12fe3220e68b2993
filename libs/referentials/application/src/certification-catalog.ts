import { InputProblems, NotFound, InvalidInput } from '@certif/platform-errors';
import {
  assertClosable,
  assertPublishable,
  certificationStatus,
  checkCpfIdentifiers,
  normalizeCpfIdentifiers,
  type CpfIdentifiers,
  planRevision,
  validateCertificationDraft,
  type Certification,
  type CertificationDraft,
  type RevisionDraft,
} from '@certif/referentials-domain';
import type { LocalDate } from '@certif/platform-calendar';
import type {
  CertificationChange,
  CertificationFilter,
  ComponentOfCertification,
  Page,
  PageRequest,
  ReferentialsDependencies,
  ReferentialsTransaction,
} from './ports';

/** The referentials use cases: create, publish, revise, close, and read certifications. */
export class CertificationCatalog {
  constructor(private readonly deps: ReferentialsDependencies) {}

  today(): LocalDate {
    return this.deps.clock.today();
  }

  async create(draft: CertificationDraft): Promise<Certification> {
    validateCertificationDraft(draft);
    return this.deps.unitOfWork.transaction(async ({ certifications }) => {
      await this.assertCodeFree(certifications, draft.code);
      const certification = this.fromDraft(draft);
      await certifications.insert(certification);
      return certification;
    });
  }

  async publish(id: string): Promise<Certification> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      const current = await this.load(tx, id);
      assertPublishable(current, this.today());
      const published = {
        ...current,
        publishedAt: this.deps.clock.now(),
        version: current.version + 1,
      };
      await tx.certifications.update(published);
      await this.emit(tx, published, 'PUBLISHED');
      return published;
    });
  }

  /** R4: a new ACTIVE version with its own code; the old one becomes REVISED and points to it. */
  async revise(id: string, revision: RevisionDraft): Promise<Certification> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      const current = await this.load(tx, id);
      const planned = planRevision(current, revision, this.today());
      await this.assertCodeFree(tx.certifications, planned.draft.code, 'input.code');
      const created = this.fromDraft(planned.draft);
      const oldIds = new Map(current.components.map((c) => [c.code, c.id]));
      const newIds = new Map(created.components.map((c) => [c.code, c.id]));
      const revised: Certification = {
        ...created,
        publishedAt: this.deps.clock.now(),
        revisesId: current.id,
        correspondences: planned.correspondences.map((c) => ({
          fromComponentIds: c.from.map((code) => oldIds.get(code) as string),
          toComponentId: newIds.get(c.to) as string,
        })),
      };
      const superseded = { ...current, revisedById: revised.id, version: current.version + 1 };
      await tx.certifications.insert(revised);
      await tx.certifications.update(superseded);
      await this.emit(tx, superseded, 'REVISED');
      await this.emit(tx, revised, 'REVISED');
      return revised;
    });
  }

  /** R5/R12: sets the end of registration; nobody enrols after it. */
  async close(id: string, closedOn: LocalDate): Promise<Certification> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      const current = await this.load(tx, id);
      assertClosable(current, closedOn, this.today());
      const closed = { ...current, registeredUntil: closedOn, version: current.version + 1 };
      await tx.certifications.update(closed);
      await this.emit(tx, closed, 'CLOSED');
      return closed;
    });
  }

  /**
   * The certifier's identifiers with the Caisse des Dépôts, set or corrected on any version
   * (parchemins of a revised or closed certification must be deposited too). A published
   * version publishes its new state (CERTIFIER_UPDATED); the same identifiers again change nothing.
   */
  async setCpfIdentifiers(id: string, given: Partial<CpfIdentifiers>): Promise<Certification> {
    const ids = normalizeCpfIdentifiers(given);
    const problems = new InputProblems();
    checkCpfIdentifiers(problems, ids, 'input');
    problems.throwIfAny();
    return this.deps.unitOfWork.transaction(async (tx) => {
      const current = await this.load(tx, id);
      if (
        (current.certifier.cpfClientId ?? null) === ids.cpfClientId &&
        (current.certifier.cpfContractId ?? null) === ids.cpfContractId
      )
        return current;
      const updated: Certification = {
        ...current,
        certifier: { ...current.certifier, ...ids },
        version: current.version + 1,
      };
      await tx.certifications.update(updated);
      if (updated.publishedAt !== null) await this.emit(tx, updated, 'CERTIFIER_UPDATED');
      return updated;
    });
  }

  async get(id: string): Promise<Certification> {
    const found = await this.deps.unitOfWork.reader.findById(id);
    if (!found) throw new NotFound('certification', id);
    return found;
  }

  /** By id or by code; null when none matches (the contract's `certification` query). */
  async find(by: { id?: string | null; code?: string | null }): Promise<Certification | null> {
    if (by.id && by.code) throw new InvalidInput('give either id or code, not both', 'id');
    if (by.id) return this.deps.unitOfWork.reader.findById(by.id);
    if (by.code) return this.deps.unitOfWork.reader.findByCode(by.code);
    throw new InvalidInput('give the id or the code of the certification', 'id');
  }

  findByIds(ids: readonly string[]): Promise<Certification[]> {
    return this.deps.unitOfWork.reader.findByIds(ids);
  }

  findComponentsByIds(ids: readonly string[]): Promise<ComponentOfCertification[]> {
    return this.deps.unitOfWork.reader.findComponentsByIds(ids);
  }

  list(filter: CertificationFilter, page: PageRequest): Promise<Page<Certification>> {
    if (
      filter.level !== null &&
      filter.level !== undefined &&
      (filter.level < 1 || filter.level > 8)
    ) {
      throw new InvalidInput(
        `filter.level must be from 1 to 8; got ${filter.level}`,
        'filter.level',
      );
    }
    return this.deps.unitOfWork.reader.list(filter, this.today(), page);
  }

  status(certification: Certification) {
    return certificationStatus(certification, this.today());
  }

  private async load(tx: ReferentialsTransaction, id: string): Promise<Certification> {
    const found = await tx.certifications.findById(id);
    if (!found) throw new NotFound('certification', id);
    return found;
  }

  private async assertCodeFree(
    certifications: ReferentialsTransaction['certifications'],
    code: string,
    field = 'input.code',
  ): Promise<void> {
    if (await certifications.findByCode(code)) {
      throw new InvalidInput(
        `a certification with code ${code} already exists; choose another code`,
        field,
      );
    }
  }

  private emit(
    tx: ReferentialsTransaction,
    certification: Certification,
    change: CertificationChange,
  ) {
    return tx.events.changed(
      certification,
      change,
      certificationStatus(certification, this.today()),
    );
  }

  private fromDraft(draft: CertificationDraft): Certification {
    const { components, specializations, ...identity } = draft;
    return {
      ...identity,
      id: this.deps.newId(),
      publishedAt: null,
      revisesId: null,
      revisedById: null,
      components: components.map((c, index) => ({
        ...c,
        id: this.deps.newId(),
        position: index + 1,
      })),
      specializations: specializations.map((s) => ({ ...s, id: this.deps.newId() })),
      correspondences: [],
      importedFrom: null,
      version: 1,
    };
  }
}
