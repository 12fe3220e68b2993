// A seeded pseudo-random generator, so that every run seeds the same shape of data (the ids are
// fresh UUIDs each time; the outcomes, dates and names are not).

export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** An item chosen with the given weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/** mulberry32: small, fast and good enough to spread test data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let left = next() * total;
      for (const [item, weight] of items) {
        left -= weight;
        if (left < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[0];
    },
  };
}

// prettier-ignore
export const FIRST_NAMES = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Sarah', 'Zoé', 'Émilie', 'Nadia', 'Aïcha',
  'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Nathan', 'Théo', 'Karim', 'Mehdi', 'Jérôme', 'François',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy',
  'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux',
  'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert',
  'Bonnet', 'François', 'Martinez', 'Benali', "N'Diaye", 'Nguyen', 'Haddad', 'Da Silva',
] as const;

// prettier-ignore
export const CENTRES = [
  'AFPA Sète', 'AFPA Roubaix', 'GRETA Lyon', 'CNAM Paris', 'AFPA Nantes', 'Simplon Montreuil',
  'M2i Toulouse', 'ENI Rennes', 'AFPA Marseille', 'OpenClassrooms (à distance)',
] as const;
