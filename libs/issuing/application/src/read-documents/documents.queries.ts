import type { Principal } from '@certif/platform-auth';
import { InvalidInput, NotFound } from '@certif/platform-errors';
import {
  currentVersion,
  isStatusListName,
  issuingAuthority,
  parcheminContent,
  parcheminTitle,
  statusListPosition,
} from '@certif/issuing-domain';
import type {
  CandidateIdentity,
  CredentialSigner,
  DocumentRenderer,
  IssuingDependencies,
  LivretDocument,
  ParcheminDocument,
} from '../ports';
import { assertMayReadRecordOf, assertSignedIn } from '../record-access';
import {
  CandidateRecordsQueries,
  holderName,
} from '../read-candidate-records/candidate-records.queries';

/** The documents a holder (or a session manager) downloads. */
export class DocumentsQueries {
  private readonly records: CandidateRecordsQueries;

  constructor(
    private readonly deps: IssuingDependencies,
    private readonly renderer: DocumentRenderer,
    private readonly signer: CredentialSigner,
  ) {
    this.records = new CandidateRecordsQueries(deps);
  }

  async parcheminPdf(
    principal: Principal | null,
    id: string,
  ): Promise<{ filename: string; pdf: Buffer }> {
    const document = await this.parcheminDocument(principal, id);
    return {
      filename: `${document.parchemin.number}.pdf`,
      pdf: await this.renderer.parchemin(document),
    };
  }

  /** A revoked parchemin is no longer handed out as a credential to present. */
  async verifiableCredential(
    principal: Principal | null,
    id: string,
  ): Promise<{ filename: string; jwt: string }> {
    const document = await this.parcheminDocument(principal, id);
    if (document.parchemin.status === 'REVOKED') {
      throw new InvalidInput(
        `credential ${document.parchemin.number} is revoked; it cannot be downloaded any more`,
        'id',
      );
    }
    return {
      filename: `${document.parchemin.number}.vc.jwt`,
      jwt: await this.signer.sign(document),
    };
  }

  /**
   * Public, like the verification page: a verifier holding a parchemin's credential checks its
   * revocation offline against this list. An unknown list answers NOT_FOUND.
   */
  async revocationStatusList(list: string): Promise<string> {
    if (!isStatusListName(list)) throw new NotFound('status list', list);
    const revoked = await this.deps.unitOfWork.reader.parchemins.revokedNumbers(list);
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
    const parchemin = await this.deps.unitOfWork.reader.parchemins.findById(id);
    if (!parchemin) throw new NotFound('credential', id);
    assertMayReadRecordOf(principal, parchemin.candidateId);
    const identity = await this.identity(parchemin.candidateId);
    return {
      parchemin,
      title: parcheminTitle(parchemin.content),
      holderName: holderName(identity),
      holderBirthDate: identity && !identity.erasedAt ? identity.birthDate : null,
      authority: issuingAuthority(parchemin.content.certification),
      verificationUrl: this.deps.links.verification(parchemin.verificationCode),
      statusList: {
        url: this.deps.links.statusList(statusListPosition(parchemin.number).list),
        index: statusListPosition(parchemin.number).index,
      },
    };
  }

  private async identity(candidateId: string): Promise<CandidateIdentity | undefined> {
    const [identity] = await this.deps.unitOfWork.reader.candidates.findByIds([candidateId]);
    return identity;
  }
}
