import { searchable, searchWords } from './search-text';

describe('searchable', () => {
  it.each([
    ['Émilie', 'emilie'],
    ['  N’DIAYE   Aïssatou ', 'n’diaye aissatou'],
    ['Çelik', 'celik'],
  ])('%s → %s', (text, expected) => {
    expect(searchable(text)).toBe(expected);
  });

  it('splits a search into words, ignoring blanks', () => {
    expect(searchWords('  Léa  MARTIN ')).toEqual(['lea', 'martin']);
    expect(searchWords(null)).toEqual([]);
  });
});
