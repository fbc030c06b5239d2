/**
 * The extraction rules on the seed and the dev set, from CoreNLP's stored annotations of their texts
 * (test/fixtures/extract, written by `npm run extract:fixtures` from a real CoreNLP 4.5.10; test/extract.test.ts
 * checks that a live server still gives the same). Faithfulness first: every draft passes the ingest's validation,
 * every quote is the text at its offsets, no name is made up; then each family of rules on the articles that
 * exercise it; then bad input.
 */
import { loadGold, storedAnnotation, type GoldCase } from '../../src/extract/dev-set';
import { draftFrom } from '../../src/extract/extract';
import { readInput } from '../../src/extract/input';
import { summarise } from '../../src/extract/summary';
import { KINDS, score, f1 } from '../../src/extract/evaluate';
import { articleSchema, type Article } from '../../src/ingest/format';

const golds = loadGold();
const drafts = new Map<string, { gold: GoldCase; draft: Article; problems: unknown[] }>();
for (const gold of golds) {
  const result = draftFrom({ where: gold.where, text: gold.text, header: {} }, storedAnnotation(gold), { published: gold.article.source.publishedOn }, '4.5.10');
  drafts.set(gold.name, { gold, draft: articleSchema.parse(result.draft), problems: result.problems });
}
const draftOf = (prefix: string) => [...drafts.entries()].find(([name]) => name.startsWith(prefix))![1].draft;

function sides(article: Article, title: RegExp) {
  const agreement = article.agreements.find((a) => title.test(a.title));
  if (!agreement) return undefined;
  return article.exchanges
    .filter((e) => e.documents.includes(agreement.key))
    .map((e) => ({ verb: e.verb.kind, sides: e.sides.map((s) => ({ person: article.people.find((p) => p.key === s.person)?.name, role: s.role, country: s.country, reading: s.reading?.kind })) }));
}

describe('faithful drafts', () => {
  it.each([...drafts.keys()])('%s: the draft passes the ingest validation', (name) => {
    expect(drafts.get(name)!.problems).toEqual([]);
  });

  it.each([...drafts.keys()])('%s: every quote is the text at its offsets, every name is printed in the text', (name) => {
    const { gold, draft } = drafts.get(name)!;
    const chars = Array.from(gold.text);
    for (const span of Object.values(draft.spans)) {
      if (!('start' in span)) throw new Error('drafts cite by offsets');
      expect(chars.slice(span.start, span.end).join('')).toBe(span.quote);
    }
    for (const person of draft.people) {
      expect(gold.text).toContain(person.name);
      for (const alias of [...person.aliases, ...person.weakAliases]) expect(gold.text).toContain(alias);
    }
    for (const occupancy of draft.occupancies) expect(gold.text).toContain(occupancy.title);
    expect(score(gold.article, draft, gold.text).invented).toEqual([]);
  });

  it('every drafted fact carries its provenance', () => {
    const draft = draftOf('000');
    for (const fact of [...draft.people, ...draft.agreements, ...draft.exchanges, ...draft.events]) {
      expect(fact.extracted).toEqual({ by: 'extract/2 with CoreNLP 4.5.10', confidence: expect.any(Number) });
    }
  });

  it('the headline and the page furniture are never cited', () => {
    const { gold, draft } = drafts.get('207-mongolia-hungary-truncated')!;
    const furniture = ['Share', 'Most read', 'Related:'].map((word) => gold.text.indexOf(word)).filter((at) => at >= 0);
    expect(furniture.length).toBeGreaterThan(0);
    for (const span of Object.values(draft.spans)) {
      if ('start' in span) for (const at of furniture) expect(at >= span.start && at < span.end).toBe(false);
    }
    expect(draft.source.name).toBe(gold.text.split('\n').find((line) => line.trim() && gold.article.source.name === line.trim()) ?? draft.source.name);
  });
});

describe('the seed article against its curated YAML', () => {
  const { gold, draft } = drafts.get('000_1cdabd96cc36ddc2')!;
  const result = score(gold.article, draft, gold.text);
  it.each(KINDS)('%s: F1 at least 0.95', (kind) => {
    expect(f1(result.counts[kind]).f1).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the pairings as printed: the Commerce Minister exchanged the defence agreement with the Defence Minister', () => {
    expect(sides(draft, /defence ministries/)).toEqual([
      {
        verb: 'EXCHANGED',
        sides: [
          expect.objectContaining({ person: 'Jam Kamal Khan', role: 'Commerce Minister' }),
          expect.objectContaining({ person: 'Viktor Khrenin', role: 'Defence Minister', country: 'by' }),
        ],
      },
    ]);
  });

  it('splits "the bilateral accords ... for cooperation on A, B ... and C" into one accord per field, as a reading', () => {
    const accords = draft.agreements.filter((a) => a.kind === 'ACCORD');
    expect(accords.map((a) => a.title)).toEqual([
      'Bilateral accord for cooperation on environmental protection',
      'Bilateral accord for cooperation on postal services',
      'Bilateral accord for cooperation on business support',
      'Bilateral accord for cooperation on trade development',
      'Bilateral accord for cooperation between trade bodies',
    ]);
    for (const accord of accords) expect(accord.reading?.kind).toBe('COLLECTIVE_SPLIT');
  });

  it('resolves "on Friday" from the publication date', () => {
    expect(draft.events.find((e) => e.kind === 'SIGNING_CEREMONY')?.date).toBe('2025-04-11');
  });

  it('"the interior ministries of two countries" are one described ministry per country, parties of the agreement', () => {
    const agreement = draft.agreements.find((a) => /interior ministries/.test(a.title))!;
    const parties = agreement.parties!.map((key) => draft.bodies.find((b) => b.key === key)!);
    expect(parties.map((b) => [b.name, b.kind, b.country, b.nameAsReported]).sort()).toEqual([
      ['Interior Ministry of Belarus', 'MINISTRY', 'by', false],
      ['Interior Ministry of Pakistan', 'MINISTRY', 'pk', false],
    ]);
    const quotes = parties.flatMap((b) => b.evidence.map((e) => (typeof e === 'string' ? draft.spans[e] : e).quote));
    expect(quotes).toEqual(['the interior ministries of two countries', 'the interior ministries of two countries']);
  });

  it('a body keeps the formal name of its country ("... of the Republic of Belarus"), its shorter form an alias', () => {
    const sami = draft.bodies.filter((b) => /State Authority/.test(b.name));
    expect(sami.map((b) => [b.name, b.aliases, b.country])).toEqual([
      ['State Authority for Military Industry of the Republic of Belarus', ['State Authority for Military Industry'], 'by'],
    ]);
    // "MoUs" (a document) and "Belarusian Internal Affairs" (a minister's portfolio) are not bodies.
    expect(draft.bodies.map((b) => b.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/MoUs|Internal Affairs/)]));
  });

  it('"the Pakistani premier" gives the country of the only prime minister named, as a coreference', () => {
    const premier = draft.occupancies.find((o) => o.holder === draft.people.find((p) => p.name === 'Shehbaz Sharif')!.key)!;
    const position = draft.positions.find((p) => p.key === premier.position)!;
    expect([position.title, position.country]).toEqual(['Prime Minister', 'pk']);
    expect(premier.reading?.kind ?? position.reading?.kind).toBe('COREFERENCE');
  });

  it('a press event without a stated date stays undated, its speaker the person who spoke', () => {
    const press = draft.events.filter((e) => e.kind === 'PRESS_EVENT');
    expect(press.map((e) => [e.name, e.date, e.participants?.map((p) => [draft.people.find((x) => x.key === p.person)?.name, p.role])])).toEqual([
      ['Joint press stakeout', undefined, [['Shehbaz Sharif', 'SPEAKER']]],
    ]);
  });
});

describe('rule families on the dev set', () => {
  it('"The agriculture ministers of Peru and Bolivia signed": one unnamed side per country, the countries not signatories (213)', () => {
    const draft = draftOf('213');
    expect(sides(draft, /quinoa/)).toEqual([
      {
        verb: 'SIGNED',
        sides: [
          { person: undefined, role: 'agriculture minister', country: 'pe', reading: 'COLLECTIVE_SPLIT' },
          { person: undefined, role: 'agriculture minister', country: 'bo', reading: 'COLLECTIVE_SPLIT' },
        ],
      },
    ]);
    const quinoa = draft.agreements.find((a) => /quinoa/.test(a.title))!;
    expect(quinoa.signatories ?? []).toEqual([]);
  });

  it('a title keeps the formal name of its body\'s country; a protocol amending an agreement does not take its parties (203)', () => {
    const draft = draftOf('203');
    const memorandum = sides(draft, /payment systems/)!;
    expect(memorandum[0].sides.map((s) => [s.role, s.country])).toEqual([
      ['Chairman of the National Bank of the Republic of Kazakhstan', 'kz'],
      ['Chairman of the National Bank of the Kyrgyz Republic', 'kg'],
    ]);
    expect(draft.bodies.map((b) => b.name)).toEqual(expect.arrayContaining(['National Bank of the Republic of Kazakhstan', 'National Bank of the Kyrgyz Republic']));
    const protocol = draft.agreements.find((a) => /^Protocol on amendments/.test(a.title))!;
    expect(protocol.parties ?? []).toEqual([]);
  });

  it('a plural office before a list of names gives each the office, and the country printed after each name (204, 210)', () => {
    const offices = (prefix: string, name: string) => {
      const draft = draftOf(prefix);
      const person = draft.people.find((p) => p.name === name)!;
      return draft.occupancies
        .filter((o) => o.holder === person.key)
        .map((o) => ({ title: o.title, country: draft.positions.find((p) => p.key === o.position)!.country, reading: o.reading?.kind }));
    };
    expect(offices('204', 'Rodrigo Valenzuela Ortúzar')).toEqual([{ title: 'President', country: 'cl', reading: 'COLLECTIVE_SPLIT' }]);
    expect(offices('204', 'Trần Minh Khoa')).toEqual([{ title: 'President', country: 'vn', reading: 'COLLECTIVE_SPLIT' }]);
    expect(offices('210', 'Maria Semedo Fortes')).toEqual([{ title: 'chief negotiator', country: undefined, reading: 'COLLECTIVE_SPLIT' }]);
  });

  it('a lower-case office before the name: "the Nordland county mayor, Ingrid Solvang Berg" (206)', () => {
    const draft = draftOf('206');
    const person = draft.people.find((p) => p.name === 'Ingrid Solvang Berg')!;
    const titles = draft.occupancies.filter((o) => o.holder === person.key).map((o) => draft.positions.find((p) => p.key === o.position)!.title);
    expect(titles).toContain('county mayor');
  });

  it('"three memorandums ...: by A and B; by C and D; and by E and F" are three documents signed by bodies, no act (209)', () => {
    const draft = draftOf('209');
    const mous = draft.agreements.filter((a) => a.title === 'Memorandum of understanding');
    const names = (keys: string[] = []) => keys.map((key) => draft.bodies.find((b) => b.key === key)?.name);
    expect(mous.map((m) => names(m.signatories))).toEqual([
      ['Sri Lanka Export Development Council', 'Bangladesh Export Promotion Agency'],
      ['Galle Institute of Marine Sciences', 'Khulna Institute of Fisheries Technology'],
      ['Colombo Harbour Management Board', 'Chattogram Harbour Board'],
    ]);
    for (const mou of mous) expect([mou.titleAsReported, mou.reading?.kind]).toEqual([false, 'COLLECTIVE_SPLIT']);
    expect(draft.exchanges.filter((e) => mous.some((m) => e.documents.includes(m.key)))).toEqual([]);
  });

  it('documents signed at the close of a two-day meeting: a signing ceremony that day, the meeting the two days to it, as a reading (213)', () => {
    const events = draftOf('213').events.map((e) => [e.kind, e.name, e.date, e.reading?.kind]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['SIGNING_CEREMONY', 'Signing ceremony in Copacabana', '2023-08-22', undefined],
        ['MEETING', 'Two-day binational meeting', '2023-08-21/2023-08-22', 'OTHER'],
      ]),
    );
  });

  it('a name CoreNLP leaves untagged after a title and its comma is recovered whole: "Minister of Industry and Trade, Lê Thị Hương" (204)', () => {
    const draft = draftOf('204');
    expect(draft.people.map((p) => p.name)).toContain('Lê Thị Hương');
    expect(draft.people.map((p) => p.name)).not.toContain('Thị Hương');
    expect(sides(draft, /critical minerals/)![0].sides.map((s) => s.person)).toEqual(['Esteban Morales Pizarro', 'Lê Thị Hương']);
  });

  it('a later short form of a body ("the Business Council") is an alias; places tagged as organisations are not bodies (202, 213)', () => {
    const council = draftOf('202').bodies.filter((b) => /Business Council/.test(b.name));
    expect(council.map((b) => [b.name, b.aliases])).toEqual([['Uzbek-Indonesian Business Council', ['Business Council']]]);
    expect(draftOf('213').bodies.map((b) => b.name)).not.toContain('La Paz');
  });

  it('regions are parties of "the agreement between the Los Lagos Region and Nordland County"; a road\'s ends are not (206, 205)', () => {
    const draft = draftOf('206');
    const agreement = draft.agreements.find((a) => /aquaculture/.test(a.title))!;
    expect(agreement.parties!.map((key) => draft.places.find((p) => p.key === key)?.name)).toEqual(['Los Lagos Region', 'Nordland County']);
    const loan = draftOf('205').agreements.find((a) => /road between Kaolack/.test(a.title))!;
    expect([...(loan.parties ?? []), ...(loan.signatories ?? [])]).not.toEqual(expect.arrayContaining(['kaolack']));
    expect(draftOf('205').places.map((p) => p.name)).not.toContain('Kaolack');
  });

  it('a country printed before a body\'s name is part of it; a portfolio ("Minister of Agriculture") is not a body (209, 204)', () => {
    expect(draftOf('209').bodies.map((b) => b.name)).toContain('Sri Lanka Export Development Council');
    expect(draftOf('204').bodies.map((b) => b.name)).not.toContain('Agriculture');
  });

  it('an unnamed counterpart stays unnamed, a role with its country (201)', () => {
    const draft = draftOf('201');
    expect(sides(draft, /visa/)).toEqual([
      {
        verb: 'SIGNED',
        sides: [
          expect.objectContaining({ person: 'Abena Owusu-Mensah', role: 'Minister of Foreign Affairs', country: 'gh' }),
          { person: undefined, role: 'Minister of Foreign Affairs', country: 'ke', reading: undefined },
        ],
      },
    ]);
    expect(summarise(draft).exchanges[0]).toEqual(expect.objectContaining({ by: 'Abena Owusu-Mensah', with: ['Minister of Foreign Affairs of Kenya'], verb: 'signed' }));
  });

  it('"The two ministers also signed" gives the sides named before, as a coreference (201)', () => {
    expect(sides(draftOf('201'), /consular/)?.[0].sides.map((s) => s.reading)).toEqual(['COREFERENCE', 'COREFERENCE']);
  });

  it('a document under negotiation or only referred to is not a document of the article (201)', () => {
    const titles = draftOf('201').agreements.map((a) => a.title.toLowerCase());
    expect(titles.some((t) => /trade|2014|general cooperation/.test(t))).toBe(false);
  });

  it('"A and B, respectively" pairs the titles and the names in order, as a reading (202)', () => {
    const draft = draftOf('202');
    expect(sides(draft, /Promotion and Reciprocal Protection/)?.[0].sides).toEqual([
      { person: 'Farrukh Ismoilov', role: 'Minister for Investment, Industry and Trade', country: 'uz', reading: 'RESPECTIVELY' },
      { person: 'Dewi Lestari Hartono', role: 'Minister of Investment', country: 'id', reading: 'RESPECTIVELY' },
    ]);
  });

  it('"between A and B" in a title gives the parties (202, 210)', () => {
    const parties = (prefix: string, title: RegExp) => {
      const draft = draftOf(prefix);
      return draft.agreements.find((a) => title.test(a.title))?.parties;
    };
    expect(parties('202', /Promotion/)).toEqual(['government-of-the-republic-of-uzbekistan', 'government-of-the-republic-of-indonesia']);
    expect(parties('210', /between the Portuguese Republic/)).toEqual(['pt', 'cv']);
  });

  it('the verb is the one printed: initialled (210), inked (214)', () => {
    expect(draftOf('210').exchanges.map((e) => e.verb)).toEqual([{ kind: 'INITIALLED', words: 'initialled' }]);
    expect(draftOf('214').exchanges.map((e) => e.verb)).toContainEqual({ kind: 'SIGNED', words: 'inked' });
  });

  it('bodies that sign alone make no act (205)', () => {
    expect(draftOf('205').exchanges).toEqual([]);
  });

  it('a report without a publication date leaves its relative dates unresolved (207)', () => {
    const draft = draftOf('207');
    expect(draft.source.publishedOn).toBeUndefined();
    for (const event of draft.events) expect(event.date).toBeUndefined();
  });

  it('a country by contrast with a counterpart labelled by nationality is a reading (207)', () => {
    expect(sides(draftOf('207'), /air services/i)?.[0].sides).toContainEqual(expect.objectContaining({ country: 'mn', reading: 'OTHER' }));
  });

  it('"in the presence of" never makes those present the signers (204)', () => {
    const draft = draftOf('204');
    for (const exchange of draft.exchanges) {
      if (exchange.verb.kind !== 'SIGNED' && exchange.verb.kind !== 'EXCHANGED') continue;
      const text = exchange.evidence.map((key) => (draft.spans[key as string] as { quote: string }).quote).join(' ');
      const present = /in the presence of ([^,.]+)/.exec(text)?.[1] ?? '';
      for (const side of exchange.sides) {
        const name = draft.people.find((p) => p.key === side.person)?.name;
        if (name) expect(present).not.toContain(name);
      }
    }
  });
});

describe('bad input', () => {
  const english = 'Kenya and Ghana signed an agreement on Tuesday in Nairobi, the two governments said.';
  it.each([
    ['an empty text', Buffer.from('  \n\n'), 'the text is empty'],
    ['a binary file', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), 'binary file'],
    ['a text that is not UTF-8', Buffer.from('Accord sign\xe9 \xe0 Dakar entre les deux pays le mardi.', 'latin1'), 'not valid UTF-8'],
    ['a text in another language', Buffer.from('Казахстан и Кыргызстан подписали соглашение о сотрудничестве в области транспорта.'), 'does not look like English'],
    ['a text over 1 MB', Buffer.from(`${english}\n`.repeat(13_000)), 'the limit is 1 MB'],
  ])('%s is refused with a clear message', (_name, bytes, message) => {
    expect(() => readInput('report.txt', bytes)).toThrow(message);
    expect(() => readInput('report.txt', bytes)).toThrow(/^report\.txt: /);
  });

  it('reads a header and keeps offsets relative to the report after it', () => {
    const input = readInput('report.txt', Buffer.from(`---\npublished: 2025-03-04\nsource: Example Wire\nurl: https://example.org/a\n---\n${english}`));
    expect(input.header).toEqual({ published: '2025-03-04', source: 'Example Wire', url: 'https://example.org/a' });
    expect(input.text).toBe(english);
  });

  it('a header line it does not know is an error naming the line', () => {
    expect(() => readInput('report.txt', Buffer.from(`---\nwhen: today\n---\n${english}`))).toThrow("report.txt: header line 2 'when: today'");
  });
});
