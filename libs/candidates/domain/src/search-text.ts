/** Lower case, no accents, single spaces: "Émilie  N'Diaye" and "emilie n'diaye" match. */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search, each of which must appear in a matching name. */
export function searchWords(search: string | null | undefined): string[] {
  return searchable(search ?? '')
    .split(' ')
    .filter((word) => word !== '');
}
