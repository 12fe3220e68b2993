import type { Principal } from '@certif/platform-auth';
import type { LocalDate } from '@certif/platform-calendar';
import { InvalidInput, NotFound } from '@certif/platform-errors';
import {
  credentialTitle,
  currentVersion,
  isStatusListName,
  issuingAuthority,
  parcheminContent,
  statusListPosition,
  type LivretStatus,
  type ParcheminContent,
} from '@certif/issuing-domain';
import { CandidateRecords, holderName } from './candidate-records.service';
import type { CandidateIdentity, IssuingDependencies, StoredCredential } from './ports';
import { assertMayReadRecordOf, assertSignedIn } from './record-access';

/** What a parchemin document shows. `holderName` is the pseudonym once erased (R13). */
export interface ParcheminDocument {
  credential: StoredCredential;
  title: string;
  holderName: string | null;
  /** Under the name, as on a diploma; null when unknown or erased (R13). */
  holderBirthDate: LocalDate | null;
  authority: string;
  verificationUrl: string;
  /** Where its revocation bit is published (Bitstring Status List), for offline checks. */
  statusList: { url: string; index: number };
}

/** A Bitstring Status List of revocations: the parchemins numbered `<list>-…`. */
export interface RevocationStatusList {
  list: string;
  url: string;
  /** The sequences of the revoked ones. */
  revokedIndexes: number[];
}

export interface LivretDocument {
  livretId: string;
  holderName: string | null;
  certification: ParcheminContent['certification'];
  status: LivretStatus;
  capitalizationDeadline: LocalDate | null;
  /** With the exam session each component was acquired at, when known. */
  acquired: (ParcheminContent['components'][number] & { sessionId: string | null })[];
  missing: { code: string; title: string }[];
  authority: string;
  generatedOn: LocalDate;
}

export interface DocumentRenderer {
  parchemin(document: ParcheminDocument): Promise<Buffer>;
  livret(document: LivretDocument): Promise<Buffer>;
}

/** Signs a parchemin as a verifiable credential (Open Badges 3.0 / VC 2.0, VC-JOSE). */
export interface CredentialSigner {
  sign(document: ParcheminDocument): Promise<string>;
  /** The status list as a credential signed by the same key (BitstringStatusListCredential). */
  signStatusList(statusList: RevocationStatusList): Promise<string>;
}

/** The documents a holder (or a session manager) downloads. */
export class DocumentDesk {
  private readonly records: CandidateRecords;

  constructor(
    private readonly deps: IssuingDependencies,
    private readonly renderer: DocumentRenderer,
    private readonly signer: CredentialSigner,
  ) {
    this.records = new CandidateRecords(deps);
  }

  async credentialPdf(
    principal: Principal | null,
    id: string,
  ): Promise<{ filename: string; pdf: Buffer }> {
    const document = await this.parcheminDocument(principal, id);
    return {
      filename: `${document.credential.number}.pdf`,
      pdf: await this.renderer.parchemin(document),
    };
  }

  /** A revoked parchemin is no longer handed out as a credential to present. */
  async verifiableCredential(
    principal: Principal | null,
    id: string,
  ): Promise<{ filename: string; jwt: string }> {
    const document = await this.parcheminDocument(principal, id);
    if (document.credential.status === 'REVOKED') {
      throw new InvalidInput(
        `credential ${document.credential.number} is revoked; it cannot be downloaded any more`,
        'id',
      );
    }
    return {
      filename: `${document.credential.number}.vc.jwt`,
      jwt: await this.signer.sign(document),
    };
  }

  /**
   * Public, like the verification page: a verifier holding a parchemin's credential checks its
   * revocation offline against this list. An unknown list answers NOT_FOUND.
   */
  async revocationStatusList(list: string): Promise<string> {
    if (!isStatusListName(list)) throw new NotFound('status list', list);
    const revoked = await this.deps.unitOfWork.reader.credentials.revokedNumbers(list);
    return this.signer.signStatusList({
      list,
      url: this.deps.links.statusList(list),
      revokedIndexes: revoked.map((number) => statusListPosition(number).index),
    });
  }

  async livretPdf(
    principal: Principal | null,
    id: string,
  ): Promise<{ filename: string; pdf: Buffer }> {
    assertSignedIn(principal);
    const [stored] = await this.deps.unitOfWork.reader.livrets.findByIds([id]);
    if (!stored) throw new NotFound('livret', id);
    assertMayReadRecordOf(principal, stored.candidateId);
    const [record] = await this.records.records([stored]);
    if (!record) throw new NotFound('livret', id);
    const current = currentVersion(record.lineage);
    const identity = await this.identity(stored.candidateId);
    const content = parcheminContent(current, record.view.acquiredComponents);
    const document: LivretDocument = {
      livretId: stored.id,
      holderName: holderName(identity),
      certification: content.certification,
      status: record.view.status,
      capitalizationDeadline: record.view.capitalizationDeadline,
      acquired: content.components.map((component) => ({
        ...component,
        sessionId:
          record.view.acquiredComponents.find((held) => held.componentId === component.componentId)
            ?.sessionId ?? null,
      })),
      missing: record.view.missingComponents.map(({ code, title }) => ({ code, title })),
      authority: issuingAuthority(content.certification),
      generatedOn: this.deps.clock.today(),
    };
    return { filename: `livret-${current.code}.pdf`, pdf: await this.renderer.livret(document) };
  }

  private async parcheminDocument(
    principal: Principal | null,
    id: string,
  ): Promise<ParcheminDocument> {
    assertSignedIn(principal);
    const credential = await this.deps.unitOfWork.reader.credentials.findById(id);
    if (!credential) throw new NotFound('credential', id);
    assertMayReadRecordOf(principal, credential.candidateId);
    const identity = await this.identity(credential.candidateId);
    return {
      credential,
      title: credentialTitle(credential.content),
      holderName: holderName(identity),
      holderBirthDate: identity && !identity.erasedAt ? identity.birthDate : null,
      authority: issuingAuthority(credential.content.certification),
      verificationUrl: this.deps.links.verification(credential.verificationCode),
      statusList: {
        url: this.deps.links.statusList(statusListPosition(credential.number).list),
        index: statusListPosition(credential.number).index,
      },
    };
  }

  private async identity(candidateId: string): Promise<CandidateIdentity | undefined> {
    const [identity] = await this.deps.unitOfWork.reader.candidates.findByIds([candidateId]);
    return identity;
  }
}
