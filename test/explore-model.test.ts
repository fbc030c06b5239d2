/** The Explorer's pure parts, no browser and no database: sentences, dates, source text, network, timeline, path. */
import { datePhrase, formatDate, parsePartialDate, precisionNote } from '../src/explore/client/dates';
import type { Exchange, Side } from '../src/explore/client/model';
import { actorLinks, drawnGraph, personLinks, rankLinks, type NodeKind } from '../src/explore/client/network-model';
import { explainStep, stepFacts } from '../src/explore/client/path';
import { exchangeSentence, occupancySentence, sentenceText, agreementSentence } from '../src/explore/client/sentences';
import { sourceSegments } from '../src/explore/client/source-text';
import { placeOnAxis, timelineAxis } from '../src/explore/client/timeline';

const ref = (id: string, name: string) => ({ id, name });
const side = (id: string, role: string, person: string | null, country: string | null, extra: Partial<Side> = {}): Side => ({
  id,
  role,
  person: person ? [ref(`person:${person.toLowerCase().replace(/ /g, '-')}`, person)] : [],
  country: country ? [ref(`country:${country.slice(0, 2).toLowerCase()}`, country)] : [],
  ...extra,
});
const defenceExchange: Exchange = {
  id: 'event:x',
  name: 'Exchange of documents between Jam Kamal Khan and Viktor Khrenin',
  date: '2025-04-11',
  documents: [{ id: 'agreement:defence', title: 'Agreement on cooperation between the defence ministries of the two countries', kind: 'AGREEMENT' }],
  sides: [side('side:pk', 'Commerce Minister', 'Jam Kamal Khan', 'Pakistan'), side('side:by', 'Defence Minister', 'Viktor Khrenin', 'Belarus')],
  partOf: [{ id: 'event:ceremony', name: 'Signing ceremony in Minsk', kind: 'SIGNING_CEREMONY', date: '2025-04-11' }],
};

describe('facts as sentences', () => {
  it('reads an exchange as the issue words it, from either side', () => {
    expect(sentenceText(exchangeSentence(defenceExchange))).toBe(
      'Jam Kamal Khan (Commerce Minister, Pakistan) exchanged the Agreement on cooperation between the defence ministries of the two countries ' +
        'with Viktor Khrenin (Defence Minister, Belarus) at the signing ceremony in Minsk on 11 April 2025.',
    );
    expect(sentenceText(exchangeSentence(defenceExchange, 'person:viktor-khrenin'))).toMatch(/^Viktor Khrenin \(Defence Minister, Belarus\) exchanged .* with Jam Kamal Khan \(Commerce Minister, Pakistan\) at/);
    expect(exchangeSentence(defenceExchange).facts).toEqual([
      { kind: 'DocumentExchange', id: 'event:x' },
      { kind: 'ExchangeSide', id: 'side:pk' },
      { kind: 'ExchangeSide', id: 'side:by' },
    ]);
  });

  it('names an unnamed official as such, never with a guessed name', () => {
    const exchange: Exchange = {
      ...defenceExchange,
      documents: [{ id: 'agreement:readmission', title: 'Readmission Agreement', kind: 'AGREEMENT' }],
      sides: [side('side:pk', 'Deputy Prime Minister and Foreign Minister', 'Ishaq Dar', 'Pakistan'), side('side:by', 'Internal Affairs Minister', null, 'Belarus')],
      partOf: [],
    };
    expect(sentenceText(exchangeSentence(exchange))).toBe(
      'Ishaq Dar (Deputy Prime Minister and Foreign Minister, Pakistan) exchanged the Readmission Agreement with an unnamed Internal Affairs Minister (Belarus) on 11 April 2025.',
    );
    const noCountry = { ...exchange, sides: [exchange.sides[0], side('side:x', 'Minister', null, null)] };
    expect(sentenceText(exchangeSentence(noCountry))).toContain('with an unnamed Minister on 11 April 2025.');
  });

  it('follows the verb of format v2, and marks readings and extracted facts', () => {
    const signed = { ...defenceExchange, verb: 'SIGNED', verbWords: 'inked', reading: 'RESPECTIVELY', readingNote: 'paired in order' };
    expect(sentenceText(exchangeSentence(signed))).toBe(
      'Jam Kamal Khan (Commerce Minister, Pakistan) and Viktor Khrenin (Defence Minister, Belarus) signed the Agreement on cooperation between the defence ministries ' +
        'of the two countries (the source: “inked”) at the signing ceremony in Minsk on 11 April 2025. (reading: respectively)',
    );
    const presided = { ...defenceExchange, verb: 'PRESIDED_OVER_SIGNING', sides: [defenceExchange.sides[0]], partOf: [] };
    expect(sentenceText(exchangeSentence(presided))).toBe(
      'Jam Kamal Khan (Commerce Minister, Pakistan) presided over the signing of the Agreement on cooperation between the defence ministries of the two countries on 11 April 2025.',
    );
    const witnessed = { ...presided, verb: 'WITNESSED', provenance: 'EXTRACTED', extractor: 'rules-v1', confidence: 0.8 };
    expect(sentenceText(exchangeSentence(witnessed))).toMatch(/witnessed the signing of the Agreement .* 2025\. \(extracted by rules-v1, confidence 0\.80\)$/);
    const inPresence = { ...defenceExchange, verb: 'SIGNED_IN_PRESENCE_OF', partOf: [] };
    expect(sentenceText(exchangeSentence(inPresence))).toMatch(/^Jam Kamal Khan \(Commerce Minister, Pakistan\) signed the .* in the presence of Viktor Khrenin/);
    const curated = { ...defenceExchange, provenance: 'CURATED' };
    expect(sentenceText(exchangeSentence(curated))).not.toContain('extracted');
  });

  it('reads agreements and offices with the date as precise as the source', () => {
    const agreement = {
      id: 'agreement:roadmap',
      title: 'Programme (Roadmap)',
      kind: 'PROGRAMME',
      signedOn: '2025-04',
      validFrom: '2025',
      validTo: '2027',
      signatories: [{ __typename: 'Country', id: 'country:pk', name: 'Pakistan' }, { __typename: 'Country', id: 'country:by', name: 'Belarus' }],
      parties: [{ __typename: 'Body', id: 'body:x', name: 'Ministry of Defense Production' }],
    };
    expect(sentenceText(agreementSentence(agreement, 'country:by'))).toBe(
      'Belarus and Pakistan signed the Programme (Roadmap) in April 2025, binding the Ministry of Defense Production, for 2025 to 2027.',
    );
    const occupancy = { id: 'occ', title: 'Belarusian Internal Affairs Minister', observedOn: '2025-04-11', holder: [], position: [{ id: 'position:x', title: 'Internal Affairs Minister', country: [ref('country:by', 'Belarus')] }] };
    expect(sentenceText(occupancySentence(occupancy))).toBe('an unnamed Belarusian Internal Affairs Minister was in office, as observed on 11 April 2025.');
    expect(sentenceText(occupancySentence({ ...occupancy, title: 'Interior Minister', observedOn: '2025' }, ref('person:x', 'X Y')))).toBe('X Y was Interior Minister of Belarus, as observed in 2025.');
  });
});

describe('partial dates', () => {
  it('are spans as precise as the source', () => {
    expect(datePhrase('2025-04-11')).toBe('on 11 April 2025');
    expect(datePhrase('2025-04')).toBe('in April 2025');
    expect(datePhrase('2025')).toBe('in 2025');
    expect(datePhrase('2015/2016')).toBe('between 2015 and 2016');
    expect(formatDate('2015/2016')).toBe('2015 to 2016');
    expect(formatDate('sometime')).toBe('sometime');
    expect(precisionNote('2025')).toBe('the source gives the year only');
    const year = parsePartialDate('2025')!;
    expect([new Date(year.start).toISOString(), new Date(year.end).toISOString()]).toEqual(['2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    expect(parsePartialDate('2025-13')).toBeUndefined();
  });

  it('sit on the timeline as bands of their whole span', () => {
    const axis = timelineAxis([{ sentence: { parts: [], facts: [] }, date: '2015/2016' }, { sentence: { parts: [], facts: [] }, date: '2025-04-11' }])!;
    expect(axis.years[0]).toBe(2015);
    expect(axis.years.at(-1)).toBe(2025);
    const interval = placeOnAxis('2015/2016', axis)!;
    expect(interval.left).toBe(0);
    expect(interval.precision).toBe('interval');
    expect(interval.width).toBeCloseTo((2 / 11) * 100, 1);
    expect(placeOnAxis('2025', axis)!.width).toBeCloseTo((1 / 11) * 100, 1);
    expect(placeOnAxis('2025-04-11', axis)!.precision).toBe('day');
  });
});

describe('source text', () => {
  it('lays passages at their code-point offsets, marks gaps and highlights', () => {
    // "😀" is one code point and two UTF-16 units: offsets count code points.
    const passages = [
      { start: 0, end: 5, quote: 'A 😀 b' },
      { start: 8, end: 13, quote: 'cdefg' },
      { start: 10, end: 12, quote: 'ef' },
    ];
    expect(sourceSegments(passages, [[10, 12]])).toEqual([
      { gap: false, text: 'A 😀 b', start: 0, highlighted: false },
      { gap: true },
      { gap: false, text: 'cd', start: 8, highlighted: false },
      { gap: false, text: 'ef', start: 10, highlighted: true },
      { gap: false, text: 'g', start: 12, highlighted: false },
    ]);
  });
});

describe('the network', () => {
  const kinds = new Set<NodeKind>(['Person', 'Country', 'Body', 'Agreement', 'Unnamed']);

  it('draws person - document - person, an unnamed official as its own node', () => {
    const exchanges: Exchange[] = [
      defenceExchange,
      { ...defenceExchange, id: 'event:y', documents: [{ id: 'agreement:r', title: 'Readmission Agreement', kind: 'AGREEMENT' }], sides: [side('s1', 'Defence Minister', 'Viktor Khrenin', 'Belarus'), side('s2', 'Interior Minister', null, 'Pakistan')] },
      { ...defenceExchange, id: 'event:z', documents: [{ id: 'agreement:q', title: 'Other', kind: 'AGREEMENT' }], sides: [side('s3', 'Defence Minister', 'Viktor Khrenin', 'Belarus'), side('s4', 'Interior Minister', null, 'Pakistan')] },
    ];
    const links = personLinks('person:viktor-khrenin', exchanges);
    expect(links.map((link) => [link.document.id, link.partners.map((p) => p.node.id)])).toEqual([
      ['agreement:defence', ['person:jam-kamal-khan']],
      ['agreement:r', ['unnamed:s2']],
      ['agreement:q', ['unnamed:s4']],
    ]);
    const drawn = drawnGraph([{ centre: { id: 'person:viktor-khrenin', kind: 'Person', label: 'Viktor Khrenin' }, links, shown: 100, loaded: 3, more: false }], { kinds });
    expect(drawn.nodes.map((node) => node.id).sort()).toEqual(['agreement:defence', 'agreement:q', 'agreement:r', 'person:jam-kamal-khan', 'person:viktor-khrenin', 'unnamed:s2', 'unnamed:s4']);
  });

  it('draws the strongest links first, a page at a time, within the kinds and years asked', () => {
    const pk = { __typename: 'Country', id: 'country:pk', name: 'Pakistan' };
    const agreements = Array.from({ length: 150 }, (_, i) => ({
      id: `agreement:${String(i).padStart(3, '0')}`,
      title: `Agreement ${i}`,
      kind: 'AGREEMENT',
      signedOn: `${2000 + (i % 20)}-01-01`,
      signatories: [pk, { __typename: 'Country', id: i < 120 ? 'country:by' : `country:c${i}`, name: i < 120 ? 'Belarus' : `C${i}` }],
      parties: [],
    }));
    const links = rankLinks(actorLinks('country:pk', agreements, 'signed'));
    expect(links[0].partners[0].node.id).toBe('country:by');
    expect(links.at(-1)!.partners[0].node.id).toMatch(/^country:c/);
    const hood = { centre: { id: 'country:pk', kind: 'Country' as const, label: 'Pakistan' }, links, shown: 100, loaded: 150, more: false };
    const drawn = drawnGraph([hood], { kinds });
    expect(drawn.counts).toEqual([{ centre: 'country:pk', matching: 150, drawn: 100 }]);
    expect(drawn.nodes.length).toBe(1 + 100 + 1);
    expect(drawnGraph([{ ...hood, shown: 200 }], { kinds }).nodes.length).toBe(1 + 150 + 1 + 30);
    const noDocuments = drawnGraph([{ ...hood, shown: 200 }], { kinds: new Set<NodeKind>(['Country']) });
    expect(noDocuments.nodes.length).toBe(1 + 1 + 30);
    expect(noDocuments.edges.find((edge) => edge.target === 'country:by')?.weight).toBe(120);
    expect(drawnGraph([hood], { kinds, fromYear: 2019, toYear: 2019 }).counts[0].matching).toBe(7);
  });
});

describe('the path view', () => {
  it('explains each step and finds the fact that states it', () => {
    const person = { kind: 'Person', id: 'person:jam-kamal-khan', name: 'Jam Kamal Khan', via: 'PERSON' };
    const sideStep = { kind: 'ExchangeSide', id: 'side:1', name: 'Commerce Minister', via: 'REPRESENTS' };
    const country = { kind: 'Country', id: 'country:pk', name: 'Pakistan', via: 'SIGNED_BY' };
    const agreement = { kind: 'Agreement', id: 'agreement:x', name: 'X', via: null };
    expect(explainStep(person, sideStep)).toBe('Jam Kamal Khan acted as “Commerce Minister” on one side of a document exchange.');
    // The side states whom it stands for, whichever way the path runs.
    expect(stepFacts(person, sideStep)).toEqual([{ kind: 'ExchangeSide', id: 'side:1' }]);
    expect(stepFacts({ ...sideStep, via: 'PERSON' }, { ...person, via: null })).toEqual([{ kind: 'ExchangeSide', id: 'side:1' }]);
    expect(stepFacts(country, agreement)).toEqual([{ kind: 'Agreement', id: 'agreement:x' }]);
    // Two facts of one kind (a holding of office the same as another): both state it.
    const held = { kind: 'Occupancy', id: 'occupancy:a', name: 'Defence Minister', via: 'SAME_AS' };
    expect(stepFacts(held, { ...held, id: 'occupancy:b', via: null })).toEqual([{ kind: 'Occupancy', id: 'occupancy:a' }, { kind: 'Occupancy', id: 'occupancy:b' }]);
  });
});
