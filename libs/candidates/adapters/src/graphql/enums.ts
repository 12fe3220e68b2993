import { registerEnumType } from 'type-graphql';
import { PATHWAYS } from '@certif/candidates-domain';

export const PathwayEnum = Object.fromEntries(PATHWAYS.map((p) => [p, p])) as {
  [K in (typeof PATHWAYS)[number]]: K;
};

registerEnumType(PathwayEnum, { name: 'Pathway', description: "Voie d'accès to a certification." });
