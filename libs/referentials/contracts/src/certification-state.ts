// What both ends of referentials.certification.v1 copy alike: referentials from its domain into
// the state it publishes, a consumer (issuing) from the state into its own types. Plain copies of
// fields the state names, arrays copied, so that a field is mapped the same way on both sides.

/** The version's identity: id, codes, title, kind and level. */
export function certificationIdentity<
  T extends {
    id: string;
    code: string;
    rncpCode: string | null;
    title: string;
    kind: string;
    level: number;
  },
>(c: T): Pick<T, 'id' | 'code' | 'rncpCode' | 'title' | 'kind' | 'level'> {
  return {
    id: c.id,
    code: c.code,
    rncpCode: c.rncpCode,
    title: c.title,
    kind: c.kind,
    level: c.level,
  };
}

/** The certifier with both Caisse des Dépôts identifiers, null until entered. */
export function certifierWithCpfIdentifiers(certifier: {
  name: string;
  siret: string | null;
  cpfClientId?: string | null;
  cpfContractId?: string | null;
}) {
  return {
    name: certifier.name,
    siret: certifier.siret,
    cpfClientId: certifier.cpfClientId ?? null,
    cpfContractId: certifier.cpfContractId ?? null,
  };
}

/** How the version stands among others (R4): specializations, revision links, correspondences. */
export function versionLinks(c: {
  specializations: readonly { id: string; code: string; title: string }[];
  revisesId: string | null;
  revisedById: string | null;
  correspondences: readonly { fromComponentIds: readonly string[]; toComponentId: string }[];
  version: number;
}) {
  return {
    specializations: c.specializations.map(({ id, code, title }) => ({ id, code, title })),
    revisesId: c.revisesId,
    revisedById: c.revisedById,
    correspondences: c.correspondences.map((link) => ({
      fromComponentIds: [...link.fromComponentIds],
      toComponentId: link.toComponentId,
    })),
    version: c.version,
  };
}
