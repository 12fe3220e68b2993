import { registerEnumType } from 'type-graphql';
import { PARCHEMIN_STATUSES, LIVRET_STATUSES } from '@certif/issuing-domain';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const LivretStatusEnum = enumOf(LIVRET_STATUSES);
export const CredentialStatusEnum = enumOf(PARCHEMIN_STATUSES);

registerEnumType(LivretStatusEnum, {
  name: 'LivretStatus',
  description:
    'COMPLETE once a parchemin is issued; LAPSED from the day after the capitalisation deadline.',
});
registerEnumType(CredentialStatusEnum, { name: 'CredentialStatus' });
