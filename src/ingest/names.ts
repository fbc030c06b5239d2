/**
 * Names as keys: stable ids from names (slug) and the keys entity resolution compares (case, accents,
 * honorifics, common transliterations and the spellings of name particles folded away; the order of a person's
 * name words kept, since in patronymic names it tells a son from his father).
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
 * A function of a string remembering its answers: resolution asks for the keys of the same names and words again
 * and again (every form of every known person, for each article). Forgets all at 100,000 answers.
 */
function remembered<T>(compute: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (answers.has(text)) return answers.get(text) as T;
    if (answers.size >= 100_000) answers.clear();
    const answer = compute(text);
    answers.set(text, answer);
    return answer;
  };
}

/**
 * Vowels of the commonest given names of Arabic origin, romanised in several ways that no rule on letters can fold
 * safely (Samer and Samir, Jamal and Jamil are different names): one spelling per name, matched on the
 * transliteration-folded word.
 */
const GIVEN_NAME_SPELLINGS: Array<[RegExp, string]> = [
  [/^(?:m[aou]ham[ae]du?|md|mohd|muhd)$/, 'muhamad'], // Mohammed, Muhammad, Mohamed, Muhammadu, Md., Mohd. (not Somali Mohamud, a Mahmud)
  [/^ahm[ae]d$/, 'ahmad'],
  [/^h[ou]sein$/, 'husein'], // Hussein, Husain, Husayn, Hossein, Hossain
  [/^[ou](?:th|s)mane?$/, 'usman'], // Uthman, Othman, Osman, Usman, Ousmane
  [/^[ou]m[ae]r$/, 'umar'],
  [/^yus[eiu]fu?$/, 'yusuf'], // Yusuf, Yousef, Youssef, Yousif, Jusuf, Youssouf, Yusufu
  [/^m[ou]stafa$/, 'mustafa'],
  [/^[ei]brahim$/, 'ibrahim'],
  [/^[ei]sm(?:ei|ae|a)l$/, 'ismail'],
];

/**
 * One spelling for the usual romanisations of a name word, by rules on the letters so that any name benefits:
 * Dmitry/Dzmitry/Dmitriy, Aleksandr/Alexander/Alyaksandr, Lukashenko/Lukashenka, Yuri/Yuriy/Jurij/Iouri,
 * Mirziyoyev/Mirziyoev, Gorbachev/Gorbachyov/Gorbachov, Pyotr/Petr, Zhomart/Jomart, Khalid/Khaled,
 * Shehbaz/Shahbaz, Rasheed/Rashid, Mahmoud/Mahmood, Faisal/Faysal/Feisal, Abdullah/Abdallah/Abdulla,
 * Abdurrahman/Abdulrahman, Hamzah/Hamza; plus the spellings of a few given names (GIVEN_NAME_SPELLINGS).
 * An initial (one letter) is kept as it is: J. and Y. are different initials.
 */
export const transliterationKey = remembered(foldTransliterations);

function foldTransliterations(word: string): string {
  if (word.length < 2) return word;
  const folded = word
    // Abd + article, assimilated or not (Abdul, Abdel, Abd al-, Abdur-R, Abdullah): one spelling
    .replace(/^abd[aeiou]{0,2}(?:l|([b-df-hj-np-tv-z])(?=\1))/, 'abdal')
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/c(?!h)/g, 'k')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/^dz/, 'd')
    // an i written e in the last syllable before d, h or q (Khaled/Khalid, Saleh/Salih, Tarek/Tariq, Majed/Majid);
    // not before r, l or m, where the two spellings are two names (Samer/Samir, Jamel/Jamil, Salem/Salim), nor
    // after y (Zayed is not Zaid)
    .replace(/^([^aeiouy]*a(?:sh|th|dh|[^aeiouy]))e([dhk])$/, '$1i$2')
    // j is y in Slavic and Germanic spellings (Jurij, Jelena); Zhomart, Dzhamal and Djamel meet Jomart and Jamal here
    .replace(/j/g, 'y')
    .replace(/ee/g, 'i')
    .replace(/oo|ou/g, 'u')
    // an a written e before h in Urdu spellings (Shehbaz/Shahbaz, Rehman/Rahman, Mehmood/Mahmood)
    .replace(/eh(?=[^aeiou])/g, 'ah')
    .replace(/^iu/, 'yu')
    .replace(/^ye/, 'e')
    // a y between vowels is a glide that some spellings drop (Mirziyoyev/Mirziyoev, Aliyev/Aliev, Tokayev/Tokaev)
    .replace(/([aeiou])y(?=[aeiou])/g, '$1')
    // Russian yo after a consonant, often written e (Pyotr/Petr, Semyonov/Semenov, Gorbachyov/Gorbachev)
    .replace(/(?<=[^aeiou])yo/g, 'e')
    // any other y but the first letter is an i (Dmitriy, Sergey, Rybakov, Maryam, Faysal, Yanukovych)
    .replace(/(?<=.)y/g, 'i')
    .replace(/ai/g, 'ei')
    .replace(/ia(?=k)/g, 'e')
    // -ov and -ev (and -ovich/-evich, -ovna/-evna), and -ova/-eva after a hushing consonant
    .replace(/(?<=[a-z]{2})[eo]v(ich|na)?$/, 'ov$1')
    .replace(/(?<=ch|sh|ts)[eo]va$/, 'ova')
    .replace(/enka$/, 'enko')
    .replace(/nder$/, 'ndr')
    .replace(/ah$/, 'a')
    // doubled letters are spelled once
    .replace(/([a-z])\1+/g, '$1');
  return GIVEN_NAME_SPELLINGS.find(([pattern]) => pattern.test(folded))?.[1] ?? folded;
}

/** Words of titles and honorifics, never part of a name: removed before names are compared. */
const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss dr prof sir lady his her excellency he hon honourable honorable highness majesty hrh hh ' +
    'alhaji alhaja hajia engr ' +
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
 * Honorifics that are also part of names (Sheikh Hasina, Jam Kamal Khan, Khawaja Muhammad Asif): name words, never
 * titles, each spelled one way. Their spellings vary too much for the letter rules, so they are listed.
 */
const HONORIFIC_SPELLINGS: Array<[RegExp, string]> = [
  [/^(?:sh|ch)(?:ei|ai|ay|ey)kh?$|^shekh$/, 'sheikh'], // Shaikh, Shaykh, Sheik, Cheikh, Shekh
  [/^(?:sh|ch)(?:ei|ai|ay|ey)kh?a$/, 'sheikha'],
  [/^kh(?:a|u)?wa?ja?h?$/, 'khawaja'], // Khwaja, Khawja, Khuwaja, Khwajah
  [/^ch(?:au|ou|ow)dh?(?:a|u)?r[iy]$/, 'chaudhry'], // Chaudhary, Chaudhri, Choudhury, Chowdhury
  [/^s[ai]rdar$/, 'sardar'],
  [/^s[ae]?y{1,2}[ei]d$/, 'syed'], // Sayyid, Sayed, Seyed (not Said or Saeed, another name)
];
const HONORIFIC_FORMS = new Set(HONORIFIC_SPELLINGS.map(([, form]) => form));
/** Honorifics that are names, in any spelling: with an article-surname alone (Sheikh al-Harthi) they identify nobody. */
const HONORIFIC_NAMES = new Set([...HONORIFIC_FORMS, 'malik', 'jam', 'mian', 'mir', 'pir', 'rana', 'raja', 'nawab', 'begum']);

/** Gulf styles of address before a name with bin or bint (Sheikh Tamim bin Hamad): not part of that name. */
const NASAB_STYLES = new Set(['sheikh', 'sheikha']);
/** Son of, daughter of: kept in place, so that a son is not his father (X bin Y is not Y bin X). */
const CONNECTORS = new Map(Object.entries({ bin: 'bin', ibn: 'bin', bn: 'bin', ben: 'bin', bint: 'bint', binti: 'bint', bte: 'bint' }));

interface NameWord {
  word: string;
  /** Written in capitals (LUKASHENKO Aleksandr): the surname, in the UN and EU style. */
  capitals: boolean;
  /** Written in lower case (Ortega y Gasset): a particle or conjunction, not an initial. */
  lower: boolean;
}

const APOSTROPHES = /['’‘`ʻʼʽʾʿ]/g;
/** Between two surnames (Ortega y Gasset, Puig i Cadafalch, Souza e Silva), in lower case: not a name word. */
const CONJUNCTIONS = new Set(['y', 'i', 'e']);
/** After a comma, not a given name: John Smith, Jr. */
const GENERATIONS = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function nameWords(text: string): NameWord[] {
  return text
    .replace(APOSTROPHES, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .flatMap((piece) => {
      const capitals = piece.length > 1 && piece === piece.toUpperCase() && piece !== piece.toLowerCase();
      const lower = piece === piece.toLowerCase();
      return words(piece).map((word) => ({ word, capitals, lower }));
    });
}

/**
 * The words of a person's name in the order of given name first: titles, numbers and conjunctions between
 * surnames dropped; "Surname, Given" and "SURNAME Given" turned around.
 */
function orderedNameWords(name: string, titles: ReadonlySet<string>): string[] {
  const nameOnly = (text: string) =>
    nameWords(text)
      .filter(({ word }) => !titles.has(word) && !/^\d+$/.test(word))
      .filter(({ word, lower }, i, all) => !(lower && CONJUNCTIONS.has(word) && i > 0 && i < all.length - 1));
  const parts = name.split(',');
  if (parts.length === 2) {
    const [surname, given] = parts.map(nameOnly);
    const suffix = given.length === 1 && GENERATIONS.has(given[0].word);
    if (surname.length > 0 && given.length > 0 && !suffix && nameWords(parts[0]).every(({ word }) => !titles.has(word))) {
      return [...given, ...surname].map(({ word }) => word);
    }
  }
  const all = nameOnly(name);
  const surname = all.findIndex(({ capitals }) => !capitals);
  if (surname > 0 && all.slice(surname).every(({ capitals }) => !capitals)) {
    return [...all.slice(surname), ...all.slice(0, surname)].map(({ word }) => word);
  }
  return all.map(({ word }) => word);
}

/**
 * The particles of Arabic names joined to the word they belong to, so that open, hyphenated and closed forms meet:
 * Abdul Aziz, Abd al-Aziz and Abdelaziz; Abu Bakr and Abubakr; al-Masri, el Masri and Almasri; Zia-ul-Haq and
 * Ziaul Haq, Habib-ur-Rahman and Habibur Rahman; Salah ad-Din, Salah Uddin and Salahuddin (or Salaheddine); Sana
 * Ullah and Sanaullah. An article and its surname are one word (Al Harthi alone is a surname alone), but Abd- and
 * Abu- never take the last word of a name (Abdul Khan keeps two). Bin, ibn and ben (after the first word) are one
 * connector, kept in its place.
 */
function joinParticles(names: string[]): string[] {
  const joined: string[] = [];
  const article = (candidate: string | undefined, following: string | undefined, first: boolean) =>
    candidate !== undefined &&
    following !== undefined &&
    (/^[ae]l$/.test(candidate) ||
      (!first && /^[aeu](?:[dnrstz]|sh|th|dh)$/.test(candidate) && following.startsWith(candidate.slice(1))));
  for (let i = 0; i < names.length; i += 1) {
    const [word, next] = [names[i], names[i + 1]];
    const previous = joined.length - 1;
    const leavesAnother = (taken: number) => previous >= 0 || i + taken < names.length;
    if (previous >= 0 && next === 'din' && (article(word, next, false) || /^u[dl]$/.test(word))) {
      joined[previous] += 'uddin';
      i += 1;
    } else if (previous >= 0 && (/^u(?:d?din|llah?|lah)$/.test(word) || (/^u[dlnrsz]$/.test(word) && next !== undefined))) {
      joined[previous] += word;
    } else if (/^abd(?:[aeiou]{1,2}[lrsdtzn])?$/.test(word) && next !== undefined) {
      const taken = word === 'abd' && article(next, names[i + 2], false) ? 3 : 2;
      if (leavesAnother(taken)) {
        joined.push(names.slice(i, i + taken).join(''));
        i += taken - 1;
      } else joined.push(word);
    } else if (/^abo?ul?$/.test(word) && next !== undefined && leavesAnother(2)) {
      joined.push(`abu${word.endsWith('l') ? 'al' : ''}${next}`);
      i += 1;
    } else if (article(word, next, previous < 0)) {
      joined.push(`al${next}`);
      i += 1;
    } else if (CONNECTORS.has(word) && (previous >= 0 || word !== 'ben')) {
      joined.push(CONNECTORS.get(word)!);
    } else {
      joined.push(word);
    }
  }
  // Closed compounds with -ud-din and -ullah (Salaheddine, Nasrallah) are spelled one way.
  return joined.map((word) => word.replace(/(?<=[a-z]{3})[uea]ddine?$/, 'uddin').replace(/(?<=[a-z]{3})[ua](?:llah?|lah)$/, 'ullah'));
}

/**
 * The key of a person's name: its name words without titles, in order (given name first), particles joined,
 * honorifics that are part of names and each word's transliteration folded. Undefined when fewer than two name
 * words remain, or only honorifics and a surname with an article: a surname alone (or a title alone) never
 * identifies anyone. Keys are remembered per set of titles: a set passed here is never changed afterwards (the
 * resolver makes a new one when it meets a new country).
 */
export function personKey(name: string, titles: ReadonlySet<string> = TITLE_WORDS): string | undefined {
  let forTitles = personKeys.get(titles);
  if (!forTitles) personKeys.set(titles, (forTitles = remembered((form: string) => computePersonKey(form, titles))));
  return forTitles(name);
}

/** Person keys by title set (the resolver's grows with the countries it meets), then by name. */
const personKeys = new WeakMap<ReadonlySet<string>, (name: string) => string | undefined>();

function computePersonKey(name: string, titles: ReadonlySet<string>): string | undefined {
  let names = orderedNameWords(name, titles).map((word) => HONORIFIC_SPELLINGS.find(([pattern]) => pattern.test(word))?.[1] ?? word);
  if (NASAB_STYLES.has(names[0]) && names.some((word) => CONNECTORS.has(word))) names = names.slice(1);
  const isArticle = (word: string | undefined) => word !== undefined && /^[ae]l$/.test(word);
  if (names.every((word, i) => HONORIFIC_NAMES.has(word) || isArticle(word) || isArticle(names[i - 1]))) return undefined;
  const keyWords = joinParticles(names);
  if (keyWords.length < 2) return undefined;
  return keyWords.map((word) => (HONORIFIC_FORMS.has(word) ? word : transliterationKey(word))).join(' ');
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
