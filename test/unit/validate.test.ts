/**
 * Validation of annotated articles, without a database: every problem of a file in one run (shape and meaning),
 * dates checked against the calendar, ids that never collide silently, the article text confined to the article's
 * folder, size limits, YAML alias bombs, and the v2 format's ways of saying what real reports say.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { planArticle } from '../../src/ingest/plan';
import { LocalResolver } from '../../src/ingest/resolve';
import { formatProblem, MAX_TEXT_BYTES, validateData, validateFile, type Problem } from '../../src/ingest/validate';

const TEXT = 'ANKARA: Trade Minister Ayse Yilmaz met Commerce Minister Jam Kamal Khan on Wednesday.';
/** A small valid article, as data: each case breaks one thing of it. */
const article = () => ({
  source: { id: 'bad-case', publishedOn: '2025-10-01', text: TEXT },
  spans: { meeting: { quote: 'met Commerce Minister' } },
  countries: [{ key: 'tr', name: 'Türkiye', isoCode: 'TR', evidence: [{ quote: 'ANKARA' }] }],
  people: [
    { key: 'yilmaz', name: 'Ayse Yilmaz', evidence: [{ quote: 'Ayse Yilmaz' }] },
    { key: 'jkk', name: 'Jam Kamal Khan', evidence: [{ start: 57, end: 71 }] },
  ],
  events: [
    {
      key: 'meeting', name: 'Meeting in Ankara', kind: 'MEETING', date: '2025-10-01', country: 'tr',
      participants: [{ person: 'yilmaz', role: 'HOST' }], evidence: ['meeting'],
    },
  ],
});

function problemsOf(mutate: (data: any) => void, file = 'case.yaml'): Problem[] {
  const data = article();
  mutate(data);
  const result = validateData(file, data);
  return result.ok ? [] : result.problems;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'articles-'));

describe('validating annotated articles', () => {
  it('accepts the valid article the cases start from, the seed article and the fixtures', () => {
    expect(validateData('case.yaml', article()).ok).toBe(true);
    const folders = [path.join(PROJECT_ROOT, 'data', 'articles'), path.join(PROJECT_ROOT, 'test', 'fixtures', 'articles')];
    for (const folder of folders) {
      for (const name of fs.readdirSync(folder).filter((file) => /\.(ya?ml|json)$/.test(file))) {
        const result = validateFile(path.join(folder, name));
        expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
      }
    }
  });

  it.each([
    ['a missing field', (d: any) => delete d.people[0].name, 'people[0].name', /expected string|required/i],
    ['a date that is not a date', (d: any) => (d.source.publishedOn = '2025-13-45'), 'source.publishedOn', /has no month 13/],
    ['a partial date that is not a date', (d: any) => (d.events[0].date = 'last Friday'), 'events[0].date', /ISO 8601/],
    ['a span outside the text', (d: any) => (d.people[1].evidence = [{ start: 80, end: 400 }]), 'people[1].evidence[0]', /outside the text \(85 characters\)/],
    ['a quote not found', (d: any) => (d.people[0].evidence = [{ quote: 'Ayşe Yılmaz' }]), 'people[0].evidence[0]', /quote not found in the text: "Ayşe Yılmaz"/],
    ['a quote that does not match its offsets', (d: any) => (d.people[1].evidence = [{ start: 57, end: 71, quote: 'Jam Kamal' }]), 'people[1].evidence[0]', /the text there is "Jam Kamal Khan"/],
    ['a reference to an undeclared entity', (d: any) => (d.events[0].participants[0].person = 'nobody'), 'events[0].participants[0].person', /'nobody' is not declared in people/],
    ['a reference to the wrong kind of entity', (d: any) => (d.events[0].country = 'yilmaz'), 'events[0].country', /'yilmaz' is in people, not in countries/],
    ['an undeclared span', (d: any) => (d.events[0].evidence = ['nowhere']), 'events[0].evidence[0]', /'nowhere' is not declared in spans/],
    ['a fact without evidence', (d: any) => (d.people[0].evidence = []), 'people[0].evidence', /at least one span/],
    ['a key used twice', (d: any) => (d.people[1].key = 'yilmaz'), 'people[1].key', /already used in people/],
    ['an unknown field', (d: any) => (d.people[0].nickname = 'A'), 'people[0]', /nickname/],
    ['an unknown top-level field', (d: any) => (d.persons = []), '', /unknown field 'persons'/],
    ['no text', (d: any) => delete d.source.text, 'source', /exactly one of source.text and source.textFile/],
    ['an unnamed participant without evidence', (d: any) => d.events[0].participants.push({ label: 'a deputy minister', role: 'WITNESS' }), 'events[0].participants[1].evidence', /must cite the words/],
    ['a participant both named and unnamed', (d: any) => (d.events[0].participants[0].label = 'the host'), 'events[0].participants[0]', /exactly one of person/],
  ])('reports %s with its path and reason', (_name, mutate, at, reason) => {
    const problems = problemsOf(mutate);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'case.yaml', path: at, reason: expect.stringMatching(reason) })]));
  });

  it('reports every problem of a file in one run: shape and meaning together, nine planted problems', () => {
    const problems = problemsOf((d) => {
      d.source.publishedOn = 'yesterday'; // shape
      d.people[0].evidence = [{ quote: 'nowhere' }]; // meaning: quote not found
      d.events[0].place = 'nowhere'; // meaning: undeclared reference
      d.events[0].date = '2025-02-29'; // shape: not a day of 2025
      d.people[1].name = ''; // shape: empty name (its key stays declared)
      d.events[0].participants.push({ person: 'jkk', role: 'GUEST' }); // shape: unknown role
      d.people.push({ key: 'tr', name: 'Tariq Rana', evidence: ['meeting'] }); // meaning: key used twice
      d.agreements = [{ key: 'a', title: 'MoU', kind: 'MEMORANDUM_OF_UNDERSTANDING', signedOn: '2020-02-30', evidence: ['meeting'] }]; // shape: impossible date
      d.claims = [{ key: 'c', kind: 'POSITION', summary: 'x', speaker: 'nobody', evidence: ['meeting'] }]; // meaning: undeclared speaker
    });
    expect(problems.map((problem) => problem.path).sort()).toEqual(
      [
        'agreements[0].signedOn',
        'claims[0].speaker',
        'people[2].key',
        'events[0].date',
        'events[0].participants[1].role',
        'events[0].place',
        'people[0].evidence[0]',
        'people[1].name',
        'source.publishedOn',
      ].sort(),
    );
    // A reference to a fact whose own shape is wrong is not reported again: the fact is declared.
    expect(problems.map((problem) => problem.path)).not.toContain('events[0].participants[0].person');
  });

  it.each([
    ['signedOn', (d: any) => (d.agreements = [{ key: 'a', title: 'T', kind: 'AGREEMENT', signedOn: '2020-02-30', evidence: ['meeting'] }]), 'agreements[0].signedOn'],
    ['validTo', (d: any) => (d.agreements = [{ key: 'a', title: 'T', kind: 'AGREEMENT', validTo: '2027-04-31', evidence: ['meeting'] }]), 'agreements[0].validTo'],
    ['publishedOn', (d: any) => (d.source.publishedOn = '2023-02-29'), 'source.publishedOn'],
    ['an event date', (d: any) => (d.events[0].date = '2025-06-31'), 'events[0].date'],
    ['an interval end', (d: any) => (d.events[0].date = '2015/2016-13'), 'events[0].date'],
    ['observedOn', (d: any) => (d.positions = [{ key: 'p', title: 'Trade Minister', evidence: ['meeting'] }]) && (d.occupancies = [{ key: 'o', position: 'p', title: 'Trade Minister', observedOn: '2025-00', evidence: ['meeting'] }]), 'occupancies[0].observedOn'],
  ])('rejects an impossible date in %s', (_name, mutate, at) => {
    expect(problemsOf(mutate)).toEqual(expect.arrayContaining([expect.objectContaining({ path: at })]));
  });

  it('accepts 29 February of a leap year, and rejects a period that ends before it starts', () => {
    expect(problemsOf((d) => (d.events[0].date = '2024-02-29'))).toEqual([]);
    const problems = problemsOf(
      (d) => (d.agreements = [{ key: 'a', title: 'T', kind: 'AGREEMENT', validFrom: '2027', validTo: '2025', evidence: ['meeting'] }]),
    );
    expect(problems).toEqual([expect.objectContaining({ path: 'agreements[0].validTo', reason: 'ends (2025) before it starts (2027)' })]);
  });

  it('reports malformed YAML and JSON with line and position, and a YAML alias bomb without giving up', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'source:\n  id: x\n  text: [unclosed\n');
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"source": {"id": "x",}}');
    // Nine levels of nine aliases each: 387 million strings once expanded.
    const levels = ['a0: &a0 ["lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    fs.writeFileSync(path.join(dir, 'bomb.yaml'), `${levels.join('\n')}\nsource: *a9\n`);
    const yaml = validateFile(path.join(dir, 'broken.yaml'));
    const json = validateFile(path.join(dir, 'broken.json'));
    const bomb = validateFile(path.join(dir, 'bomb.yaml'));
    expect(yaml.ok || yaml.problems[0].reason).toMatch(/^malformed YAML at line \d+, column \d+/);
    expect(json.ok || json.problems[0].reason).toMatch(/^malformed JSON: .*position \d+/);
    expect(bomb.ok || bomb.problems[0].reason).toMatch(/^YAML refused: .*alias/i);
    expect(formatProblem({ file: 'a.yaml', path: 'people[0].name', reason: 'missing' })).toBe('a.yaml: people[0].name: missing');
  });

  it('refuses files over the size limits and text that is not UTF-8', () => {
    const dir = tmp();
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(validateFile(big)).toEqual({ ok: false, problems: [{ file: big, path: '', reason: 'is 5.0 MB: an article file may be at most 4.0 MB' }] });
    const long = problemsOf((d) => (d.source.text = `${TEXT} ${'word '.repeat(MAX_TEXT_BYTES / 5)}`));
    expect(long).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'source.text', reason: expect.stringMatching(/at most 1.0 MB/) })]));
    const latin1 = path.join(dir, 'latin1.yaml');
    fs.writeFileSync(latin1, Buffer.from('source: {id: x, text: "Caf\xe9"}\n', 'latin1'));
    expect(validateFile(latin1)).toEqual({ ok: false, problems: [{ file: latin1, path: '', reason: 'is not UTF-8 text (save it as UTF-8)' }] });
  });
});

describe('an article text file stays in the article folder', () => {
  const dir = tmp();
  const outside = tmp();
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'password = hunter2');
  fs.mkdirSync(path.join(dir, 'texts'));
  fs.writeFileSync(path.join(dir, 'texts', 'ok.txt'), TEXT);
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'link.txt'));
  const withTextFile = (textFile: string) => {
    const data: any = article();
    delete data.source.text;
    data.source.textFile = textFile;
    const file = path.join(dir, 'article.json');
    fs.writeFileSync(file, JSON.stringify(data));
    return validateFile(file);
  };

  it('reads a text file in the folder or below it', () => {
    expect(withTextFile('texts/ok.txt').ok).toBe(true);
  });

  it.each([
    ['a relative path that leaves the folder', () => path.relative(dir, path.join(outside, 'secret.txt'))],
    ['an absolute path', () => '/etc/passwd'],
    ['a symbolic link to a file outside', () => 'link.txt'],
    ['the folder itself', () => '.'],
  ])('refuses %s, and never reads it', (_name, textFile) => {
    const result = withTextFile(textFile());
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([expect.objectContaining({ path: 'source.textFile', reason: expect.stringMatching(/outside the article's folder|no such file|not a regular file/) })]);
    // What the file says never reaches a message (nor, therefore, the graph).
    expect(JSON.stringify(problems)).not.toMatch(/hunter2|root:/);
  });
});

describe('ids never collide between distinct facts', () => {
  const BASE = 'Agreement between the Government of the Republic of Kazakhstan and the Government of the Republic of Uzbekistan on';
  const TOPICS = ['the demarcation of the state border', 'cooperation in the field of water resources', 'mutual protection of investments', 'readmission'];
  const text = `${TOPICS.map((topic) => `${BASE} ${topic}.`).join(' ')} Six cooperation agreements were signed between the ministries.`;
  const treaty = () => ({
    source: { id: 'astana-2025', publishedOn: '2025-03-05', text },
    countries: [
      { key: 'kz', name: 'Kazakhstan', isoCode: 'KZ', evidence: [{ quote: 'Republic of Kazakhstan' }] },
      { key: 'uz', name: 'Uzbekistan', isoCode: 'UZ', evidence: [{ quote: 'Republic of Uzbekistan' }] },
    ],
    bodies: [] as any[],
    agreements: TOPICS.map((topic, i) => ({
      key: `a${i}`, title: `${BASE} ${topic}`, kind: 'AGREEMENT', signedOn: '2025-03-05', signatories: ['kz', 'uz'],
      evidence: [{ quote: `${BASE} ${topic}` }],
    })) as any[],
  });
  const plan = (data: unknown) => {
    const result = validateData('treaty.yaml', data);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    return planArticle(result.value, new LocalResolver());
  };

  it('keeps four long titles that differ only at the end apart', () => {
    const agreements = plan(treaty()).nodes.filter((node) => node.labels.includes('Agreement'));
    expect(agreements.map((node) => node.props.title)).toEqual(TOPICS.map((topic) => `${BASE} ${topic}`));
    expect(new Set(agreements.map((node) => node.id)).size).toBe(4);
  });

  it('keeps documents with one generic title apart when their parties differ', () => {
    const data = treaty();
    data.agreements = [];
    for (let i = 0; i < 6; i++) {
      data.bodies.push({ key: `kz${i}`, name: `Ministry ${i} of Kazakhstan`, nameAsReported: false, kind: 'MINISTRY', country: 'kz', evidence: [{ quote: 'the ministries' }] });
      data.bodies.push({ key: `uz${i}`, name: `Ministry ${i} of Uzbekistan`, nameAsReported: false, kind: 'MINISTRY', country: 'uz', evidence: [{ quote: 'the ministries' }] });
      data.agreements.push({
        key: `c${i}`, title: 'Cooperation agreement', titleAsReported: false, kind: 'AGREEMENT', signedOn: '2025-03-05',
        parties: [`kz${i}`, `uz${i}`], evidence: [{ quote: 'Six cooperation agreements' }],
      });
    }
    const agreements = plan(data).nodes.filter((node) => node.labels.includes('Agreement'));
    expect(new Set(agreements.map((node) => node.id)).size).toBe(6);
  });

  it('reports two facts that would be one node as a problem naming both, never a silent merge', () => {
    const data = treaty();
    data.agreements[3] = { ...data.agreements[0], key: 'a3' };
    const result = validateData('treaty.yaml', data);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ path: 'agreements[3]', reason: expect.stringMatching(/^is the same node as agreements\[0\] \(agreement:2025-03-05:/) }),
    ]);
  });
});

describe('format v2 says what real reports say, inventing nothing', () => {
  const TEXT2 =
    'TASHKENT, June 2025: The defence ministers, Ali Khan and Timur Rashidov, respectively of Pakistan and Uzbekistan, ' +
    'formalised a road map. The Acknowledgment on tourism was signed by the respective ministers in the presence of the ' +
    'two heads of state. Governor Lola Karimova of the Samarkand Region presided over the signing of a contract with the ' +
    'city of Lahore. An Uzbek deputy prime minister attended.';
  const v2 = (): any => ({
    source: { id: 'v2-case', publishedOn: '2025-06', text: TEXT2, url: 'https://example.org/news/1' },
    countries: [
      { key: 'pk', name: 'Pakistan', isoCode: 'PK', evidence: [{ quote: 'Pakistan' }] },
      { key: 'uz', name: 'Uzbekistan', isoCode: 'UZ', aliases: ['Uzbek'], evidence: [{ quote: 'Uzbekistan' }] },
    ],
    places: [
      { key: 'samarkand', name: 'Samarkand Region', kind: 'REGION', country: 'uz', evidence: [{ quote: 'Samarkand Region' }] },
      { key: 'lahore', name: 'Lahore', kind: 'CITY', evidence: [{ quote: 'city of Lahore' }] },
    ],
    people: [
      { key: 'khan', name: 'Ali Khan', evidence: [{ quote: 'Ali Khan' }] },
      { key: 'rashidov', name: 'Timur Rashidov', evidence: [{ quote: 'Timur Rashidov' }] },
      { key: 'karimova', name: 'Lola Karimova', aliases: ['Governor Lola Karimova'], evidence: [{ quote: 'Governor Lola Karimova' }] },
    ],
    events: [
      {
        key: 'ceremony', name: 'Signing in Tashkent', kind: 'SIGNING_CEREMONY', date: '2025-06',
        participants: [{ label: 'An Uzbek deputy prime minister', country: 'uz', role: 'PARTICIPANT', evidence: [{ quote: 'An Uzbek deputy prime minister' }] }],
        evidence: [{ quote: 'TASHKENT, June 2025' }],
      },
    ],
    agreements: [
      { key: 'roadmap', title: 'Road map', titleAsReported: false, kind: 'PROGRAMME', kindAsReported: 'road map', evidence: [{ quote: 'formalised a road map' }] },
      { key: 'ack', title: 'Acknowledgment on tourism', kind: 'OTHER', kindAsReported: 'Acknowledgment', evidence: [{ quote: 'The Acknowledgment on tourism' }] },
      { key: 'contract', title: 'Contract with the city of Lahore', titleAsReported: false, kind: 'CONTRACT', parties: ['samarkand', 'lahore'], evidence: [{ quote: 'a contract with the city of Lahore' }] },
    ],
    exchanges: [
      {
        key: 'roadmap-act', name: 'Road map formalised by Ali Khan and Timur Rashidov', verb: { kind: 'FORMALISED', words: 'formalised' },
        documents: ['roadmap'], evidence: [{ quote: 'formalised a road map' }],
        sides: [
          { role: 'defence minister', person: 'khan', country: 'pk', reading: { kind: 'RESPECTIVELY', note: '"respectively of Pakistan and Uzbekistan" pairs the first name with Pakistan' }, evidence: [{ quote: 'Ali Khan' }] },
          { role: 'defence minister', person: 'rashidov', country: 'uz', reading: { kind: 'RESPECTIVELY', note: 'the second name with Uzbekistan' }, evidence: [{ quote: 'Timur Rashidov' }] },
        ],
      },
      {
        key: 'ack-act', name: 'Acknowledgment signed by the respective ministers', verb: { kind: 'SIGNED' }, documents: ['ack'],
        evidence: [{ quote: 'was signed by the respective ministers' }],
        sides: [{ role: 'the respective ministers', evidence: [{ quote: 'the respective ministers' }] }],
      },
      {
        key: 'contract-act', name: 'Signing presided over by Lola Karimova', verb: { kind: 'PRESIDED_OVER_SIGNING', words: 'presided over the signing of' },
        documents: ['contract'], evidence: [{ quote: 'presided over the signing of a contract' }],
        sides: [{ role: 'Governor', person: 'karimova', evidence: [{ quote: 'Governor Lola Karimova of the Samarkand Region' }] }],
      },
    ],
  });

  it('loads a month-only date, sides without a country, verbs, new kinds, places as parties, readings and unnamed officials', () => {
    const result = validateData('v2.yaml', v2());
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const set = planArticle(result.value, new LocalResolver());
    expect(set.source).toMatchObject({ published: '2025-06', url: 'https://example.org/news/1' });
    expect(set.source.publishedOn).toBeUndefined();
    const node = (id: string) => set.nodes.find((candidate) => candidate.id === id)!;
    expect(node('event:v2-case:road-map-formalised-by-ali-khan-and-timur-rashidov').props).toMatchObject({ verb: 'FORMALISED', verbWords: 'formalised' });
    const sides = set.nodes.filter((candidate) => candidate.labels.includes('ExchangeSide'));
    expect(sides.map((side) => side.id)).toContain('side:v2-case:acknowledgment-signed-by-the-respective-ministers:x:the-respective-ministers');
    // The respective ministers have no country, no person: nothing is filled in.
    const respective = set.relationships.filter((r) => r.from === 'side:v2-case:acknowledgment-signed-by-the-respective-ministers:x:the-respective-ministers');
    expect(respective).toEqual([]);
    expect(set.relationships.filter((r) => r.type === 'BINDS').map((r) => r.to).sort()).toEqual(['place:uz:samarkand-region', 'place:v2-case:lahore']);
    expect(node(set.nodes.find((n) => n.props.title === 'Acknowledgment on tourism')!.id).props).toMatchObject({ kind: 'OTHER', kindAsReported: 'Acknowledgment' });
    // Readings are on the citations of the facts they mark.
    const readings = set.citations.filter((citation) => citation.reading === 'RESPECTIVELY');
    expect(readings.map((citation) => citation.fact).sort()).toEqual([
      'side:v2-case:road-map-formalised-by-ali-khan-and-timur-rashidov:pk:ali-khan',
      'side:v2-case:road-map-formalised-by-ali-khan-and-timur-rashidov:uz:timur-rashidov',
    ]);
    // An unnamed official takes part in the ceremony, by the words of the text.
    const official = set.nodes.find((candidate) => candidate.labels.includes('UnnamedOfficial'))!;
    expect(official.props).toEqual({ id: 'official:2025-06:signing-in-tashkent:an-uzbek-deputy-prime-minister', label: 'An Uzbek deputy prime minister' });
    expect(set.relationships).toEqual(
      expect.arrayContaining([
        { from: official.id, type: 'PARTICIPATED_IN', to: 'event:2025-06:signing-in-tashkent', props: { role: 'PARTICIPANT' } },
        { from: official.id, type: 'OF_COUNTRY', to: 'country:uz' },
      ]),
    );
  });

  it('has no publication date at all when the article gives none, and observes holdings on no day then', () => {
    const data = v2();
    delete data.source.publishedOn;
    data.positions = [{ key: 'gov', title: 'Governor', evidence: [{ quote: 'Governor' }] }];
    data.occupancies = [{ key: 'k', position: 'gov', holder: 'karimova', title: 'Governor', evidence: [{ quote: 'Governor Lola Karimova' }] }];
    const result = validateData('v2.yaml', data);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const set = planArticle(result.value, new LocalResolver());
    expect(set.source.published).toBeUndefined();
    const occupancy = set.nodes.find((node) => node.labels.includes('Occupancy'))!;
    // A position of no stated country belongs to its source alone; the holding is dated by nothing.
    expect(occupancy.id).toBe('occupancy:v2-case:governor:lola-karimova:v2-case');
    expect(occupancy.props.observedOn).toBeUndefined();
  });

  it('marks extracted facts with their extractor and confidence', () => {
    const data = v2();
    data.people[0].extracted = { by: 'extract/2 (CoreNLP 4.5.10)', confidence: 0.8 };
    const result = validateData('v2.yaml', data);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const set = planArticle(result.value, new LocalResolver());
    expect(set.citations.find((citation) => citation.fact === 'person:ali-khan')).toMatchObject({ extractor: 'extract/2 (CoreNLP 4.5.10)', confidence: 0.8 });
    expect(validateData('v2.yaml', { ...data, people: [{ ...data.people[0], extracted: { by: 'x', confidence: 2 } }] }).ok).toBe(false);
  });
});
