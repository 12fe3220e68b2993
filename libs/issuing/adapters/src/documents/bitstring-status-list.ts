import { gzipSync } from 'node:zlib';
import type { ParcheminDocument, RevocationStatusList } from '@certif/issuing-application';
import { revocationBitstring } from '@certif/issuing-domain';

/**
 * The parchemin's `credentialStatus` (W3C Bitstring Status List v1.0): where a verifier reads,
 * offline and without saying which parchemin it checks, whether it was revoked.
 */
export function credentialStatusEntry(document: ParcheminDocument) {
  const { url, index } = document.statusList;
  return {
    id: `${url}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: url,
  };
}

/** `encodedList`: the bits GZIP-compressed, as multibase base64url (the `u` prefix). */
export function encodeBitstring(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** The list as a BitstringStatusListCredential in the VC 2.0 data model. */
export function statusListCredential(
  statusList: RevocationStatusList,
  issuer: { id: string },
  now: Date,
) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: statusList.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.id,
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${statusList.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeBitstring(revocationBitstring(statusList.revokedIndexes)),
    },
  };
}
