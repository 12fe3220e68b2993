import { registerEnumType } from 'type-graphql';
import { PATHWAYS, SEXES } from '@certif/candidates-domain';

export const PathwayEnum = Object.fromEntries(PATHWAYS.map((p) => [p, p])) as {
  [K in (typeof PATHWAYS)[number]]: K;
};

export const SexEnum = Object.fromEntries(SEXES.map((s) => [s, s])) as {
  [K in (typeof SEXES)[number]]: K;
};

registerEnumType(SexEnum, {
  name: 'Sex',
  description: "As the national holders' register records it.",
});

registerEnumType(PathwayEnum, { name: 'Pathway', description: "Voie d'accès to a certification." });
