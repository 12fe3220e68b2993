import { SignJWT } from 'jose';
import type {
  CredentialSigner,
  ParcheminDocument,
  RevocationStatusList,
} from '@certif/issuing-application';
import { credentialStatusEntry, statusListCredential } from './bitstring-status-list';
import type { SigningKey } from './signing-key';

export const VC_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

export interface IssuerProfile {
  /** A URL of the platform: the issuer's id in every credential. */
  id: string;
}

/** RNCP fiches are public at France compétences: `RNCP36912` → its page. */
function rncpAlignment(rncpCode: string | null) {
  if (!rncpCode) return [];
  return [
    {
      type: ['Alignment'],
      targetName: rncpCode,
      targetUrl: `https://www.francecompetences.fr/recherche/rncp/${rncpCode.replace(/^RNCP/, '')}/`,
      targetFramework: 'Répertoire national des certifications professionnelles (RNCP)',
      targetCode: rncpCode,
    },
  ];
}

/**
 * The parchemin as an Open Badges 3.0 credential in the W3C VC 2.0 data model. The issuer is
 * the authority that delivers it (R11); the holder is named as Open Badges does (IdentityObject,
 * not hashed), with the pseudonym once erased (R13).
 */
export function openBadgeCredential(document: ParcheminDocument, issuer: IssuerProfile) {
  const { parchemin, title, holderName, authority } = document;
  const { certification, specialization, components } = parchemin.content;
  return {
    '@context': VC_CONTEXT,
    id: `urn:uuid:${parchemin.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.id, type: ['Profile'], name: authority },
    // The title holds from the day the jury completed it, not the day it was processed.
    validFrom: `${parchemin.obtainedOn}T00:00:00Z`,
    // Revocation, checkable offline: the bit at statusListIndex of a list issuing signs.
    credentialStatus: credentialStatusEntry(document),
    name: title,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: holderName
        ? [
            {
              type: 'IdentityObject',
              identityType: 'name',
              hashed: false,
              identityHash: holderName,
            },
          ]
        : [],
      achievement: {
        id: `urn:uuid:${specialization?.id ?? certification.id}`,
        type: ['Achievement'],
        achievementType: specialization ? 'Certificate' : 'Diploma',
        name: title,
        humanCode: certification.rncpCode ?? certification.code,
        description: `${title} — niveau ${certification.level} (cadre européen des certifications). Parchemin n° ${parchemin.number}.`,
        criteria: {
          narrative:
            components.length > 0
              ? `Composantes acquises : ${components.map((c) => `${c.code} (${c.acquiredOn})`).join(', ')}.`
              : 'Délivré par le jury de la session de spécialisation au titulaire du titre (R7).',
        },
        creator: {
          id: `${issuer.id}/certifiers/${encodeURIComponent(certification.certifier.siret ?? certification.certifier.name)}`,
          type: ['Profile'],
          name: certification.certifier.name,
        },
        alignment: rncpAlignment(certification.rncpCode),
      },
    },
    evidence: [{ type: ['Evidence'], id: document.verificationUrl, name: 'Vérification publique' }],
  };
}

/** VC-JOSE: the credential is the JWT's payload, signed EdDSA, `typ: vc+jwt`. */
export class JoseCredentialSigner implements CredentialSigner {
  constructor(
    private readonly key: SigningKey,
    /** Read at each signature: the public URL may be known only once the server listens. */
    private readonly issuer: () => IssuerProfile,
    /** Keys of before a rotation: published too, so that what they signed still verifies. */
    private readonly retired: ReadonlyArray<SigningKey['publicJwk']> = [],
  ) {}

  sign(document: ParcheminDocument): Promise<string> {
    const issuer = this.issuer();
    const credential = openBadgeCredential(document, issuer);
    return new SignJWT(credential)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: this.key.kid })
      .setIssuer(issuer.id)
      .setJti(credential.id)
      .setIssuedAt()
      .sign(this.key.privateKey);
  }

  signStatusList(statusList: RevocationStatusList): Promise<string> {
    const issuer = this.issuer();
    const credential = statusListCredential(statusList, issuer, new Date());
    return new SignJWT(credential)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: this.key.kid })
      .setIssuer(issuer.id)
      .setIssuedAt()
      .sign(this.key.privateKey);
  }

  jwks(): { keys: SigningKey['publicJwk'][] } {
    const retired = this.retired.filter((key) => key.kid !== this.key.kid);
    return { keys: [this.key.publicJwk, ...retired] };
  }
}
