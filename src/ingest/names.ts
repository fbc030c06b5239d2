/**
 * Names as keys: stable ids from names (slug) and the keys entity resolution compares (case, accents,
 * honorifics, word order and common transliterations folded away).
 */

/** Lower-case ASCII letters and digits joined by hyphens, accents folded, at most 80 characters (at a hyphen). */
export function slug(text: string, max = 80): string {
  const folded = fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max + 1);
  const hyphen = cut.lastIndexOf('-');
  return hyphen > 0 ? cut.slice(0, hyphen) : folded.slice(0, max);
}

/** Letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Lower case, accents and other marks removed (Ayşe Yılmaz: ayse yilmaz). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłøđðþßæœ]/g, (letter) => UNDECOMPOSED[letter]);
}

export function words(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * One spelling for the usual romanisations of a name word (Dmitry/Dzmitry/Dmitri, Aleksandr/Alexander/Aliaksandr,
 * Lukashenko/Lukashenka, Yuri/Iouri, Viktor/Victor): rules on the letters, so any name benefits, none listed.
 */
export function transliterationKey(word: string): string {
  return (
    word
      .replace(/x/g, 'ks')
      .replace(/ph/g, 'f')
      .replace(/w/g, 'v')
      .replace(/q/g, 'k')
      .replace(/ck/g, 'k')
      .replace(/c(?!h)/g, 'k')
      .replace(/kh/g, 'h')
      .replace(/^dz/, 'd')
      .replace(/^(ye|je)/, 'e')
      .replace(/^(yu|ju|iu|iou)/, 'u')
      .replace(/^(ya|ja)/, 'a')
      .replace(/ia(?=k)/g, 'e')
      .replace(/ou/g, 'u')
      .replace(/(iy|ij|yi|ii|y)$/, 'i')
      .replace(/ey$/, 'ei')
      .replace(/enka$/, 'enko')
      .replace(/nder$/, 'ndr')
      // doubled letters are spelled once
      .replace(/([a-z])\1+/g, '$1')
  );
}

/** Words of titles and honorifics, never part of a name: removed before names are compared. */
const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss dr prof sir lady his her excellency he hon honourable honorable sheikh sayyid ' +
    'president vice prime minister ministers pm deputy first foreign senator senators ambassador general gen ' +
    'secretary state chief chairman chairwoman chair king queen prince princess emir premier chancellor ' +
    'governor mayor speaker commander colonel admiral marshal the of and for affairs interior internal ' +
    'defence defense commerce trade communications finance economy justice health education'
  ).split(' '),
);

export const isTitleWord = (word: string) => TITLE_WORDS.has(word);

/** Title words, plus extra words that are never part of a person's name (country names and adjectives). */
export function titleWords(extra: Iterable<string> = []): Set<string> {
  return new Set([...TITLE_WORDS, ...[...extra].flatMap(words)]);
}

/**
 * The key of a person's name: its words without titles, each transliteration-folded, in alphabetical order.
 * Undefined when fewer than two name words remain: a surname alone (or a title alone) never identifies anyone.
 */
export function personKey(name: string, titles: ReadonlySet<string> = TITLE_WORDS): string | undefined {
  const nameWords = words(name).filter((word) => !titles.has(word) && !/^\d+$/.test(word));
  if (nameWords.length < 2) return undefined;
  return nameWords.map(transliterationKey).sort().join(' ');
}

const TITLE_FILLER = new Set(['of', 'the', 'and', 'for', 'on']);
const TITLE_SYNONYMS: Record<string, string> = { defense: 'defence', internal: 'interior' };

/**
 * The key of a position title within its country: its words in alphabetical order without fillers, so that
 * "Minister of Internal Affairs" and "Internal Affairs Minister" are one position.
 */
export function titleKey(title: string): string {
  return words(title)
    .filter((word) => !TITLE_FILLER.has(word))
    .map((word) => TITLE_SYNONYMS[word] ?? word)
    .sort()
    .join(' ');
}

/** The key of a country, body or place name: folded words, without "the". */
export function nameKey(name: string): string {
  return words(name)
    .filter((word) => word !== 'the')
    .join(' ');
}
