/**
 * Conflicts between articles, without a database: the invented wires of test/fixtures/conflicts planned with a
 * local resolver, compared as the ingest compares them (test/ingest-conflicts.test.ts does it against the graph).
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import {
  compareAgreements,
  compareEvents,
  conflictsOf,
  datesContradict,
  formatConflict,
  mergeSketches,
  nearYears,
  sketchArticle,
  type AgreementSketch,
  type EventSketch,
} from '../../src/ingest/conflicts';
import { planArticle } from '../../src/ingest/plan';
import { LocalResolver } from '../../src/ingest/resolve';
import { validateFile } from '../../src/ingest/validate';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'conflicts');

function sketchesOf(...files: string[]) {
  const events: EventSketch[] = [];
  const agreements: AgreementSketch[] = [];
  for (const file of files) {
    const result = validateFile(path.join(FIXTURES, file));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const sketch = sketchArticle(planArticle(result.value, new LocalResolver()));
    events.push(...sketch.events);
    agreements.push(...sketch.agreements);
  }
  const known = { events: mergeSketches(events), agreements: mergeSketches(agreements) };
  return conflictsOf({ events: known.events.keys(), agreements: known.agreements.keys() }, known);
}

describe('dates that contradict', () => {
  it('are two dates that cannot mean the same day, at most a month apart', () => {
    expect(datesContradict('2025-03-12', '2025-03-13')).toBe(true);
    expect(datesContradict('2025-03-12', '2025-03-12')).toBe(false);
    expect(datesContradict('2025-03', '2025-03-13')).toBe(false); // March contains the 13th
    expect(datesContradict('2025', '2025-12-31')).toBe(false);
    expect(datesContradict('2024', '2025-01-02')).toBe(true);
    expect(datesContradict('2025-02', '2025-03-31')).toBe(true);
    expect(datesContradict('2015/2016', '2016-06-01')).toBe(false);
    expect(datesContradict('2025-03-12', '2025-09-19')).toBe(false); // far apart: another event
    expect(datesContradict('2025-03-12', null)).toBe(false);
  });

  it('are looked up in the years a near date may fall in', () => {
    expect(nearYears('2025-06-01')).toEqual(['2025']);
    expect(nearYears('2025-01-10')).toEqual(['2024', '2025']);
    expect(nearYears('2015/2016')).toEqual(['2014', '2015', '2016', '2017']);
    expect(nearYears(null)).toEqual([]);
  });
});

describe('conflicts between articles', () => {
  it('finds none in one article, nor between talks six months apart', () => {
    expect(sketchesOf('a-reykjavik-talks.yaml')).toEqual([]);
    expect(sketchesOf('a-reykjavik-talks.yaml', 'c-reykjavik-autumn-talks.yaml')).toEqual([]);
  });

  it('flags the same talks on two dates, and one memorandum whose sources name different signers', () => {
    const conflicts = sketchesOf('a-reykjavik-talks.yaml', 'b-reykjavik-talks.yaml', 'c-reykjavik-autumn-talks.yaml');
    expect(conflicts).toEqual([
      {
        kind: 'EVENT',
        facts: [
          { id: 'event:2025-03-12:talks-between-iceland-and-uruguay-in-reykjavik', name: 'Talks between Iceland and Uruguay in Reykjavik' },
          { id: 'event:2025-03-13:iceland-uruguay-talks', name: 'Iceland-Uruguay talks' },
        ],
        differences: [
          {
            field: 'date',
            statements: [
              { value: '2025-03-12', sources: ['conflict-test-wire-a'] },
              { value: '2025-03-13', sources: ['conflict-test-wire-b'] },
            ],
          },
        ],
      },
      {
        kind: 'AGREEMENT',
        facts: [{ id: expect.stringMatching(/^agreement:2025-03-12:memorandum-of-understanding-on-geothermal-cooperation:/), name: 'Memorandum of Understanding on Geothermal Cooperation' }],
        differences: [
          {
            field: 'signers (signed, for uy)',
            statements: [
              { value: 'tomas-arbelo', sources: ['conflict-test-wire-a'] },
              { value: 'lucia-ferrer', sources: ['conflict-test-wire-b'] },
            ],
          },
        ],
      },
    ]);
    expect(formatConflict(conflicts[0])).toBe(
      '"Talks between Iceland and Uruguay in Reykjavik" (event:2025-03-12:talks-between-iceland-and-uruguay-in-reykjavik) and ' +
        '"Iceland-Uruguay talks" (event:2025-03-13:iceland-uruguay-talks) are likely one event; ' +
        'date: 2025-03-12 (conflict-test-wire-a) vs 2025-03-13 (conflict-test-wire-b)',
    );
  });

  it('tells two agreements of one title apart when their dates differ, and flags them when the dates are near', () => {
    const base: AgreementSketch = {
      id: 'agreement:a',
      title: 'Cultural Programme',
      signedOn: '2025-03-12',
      parties: ['country:is'],
      signatories: [],
      signers: [],
      sources: ['source:one'],
    };
    const near = { ...base, id: 'agreement:b', title: 'cultural programme', signedOn: '2025-03-20', sources: ['source:two'] };
    const later = { ...near, id: 'agreement:c', signedOn: '2026-03-12', sources: ['source:three'] };
    const otherParties = { ...near, id: 'agreement:d', parties: ['country:uy'], sources: ['source:four'] };
    const known = { events: new Map(), agreements: mergeSketches([base, near, later, otherParties]) };
    const conflicts = conflictsOf({ events: [], agreements: ['agreement:a'] }, known);
    expect(conflicts.map((conflict) => [conflict.facts.map((fact) => fact.id), conflict.differences.map((d) => d.field)])).toEqual([
      [['agreement:a', 'agreement:b'], ['signedOn']],
    ]);
  });

  it('compares a fact with every fact dated near it, across the windows it is looked up in, and with no other', () => {
    const meeting = (id: string, date: string | null): EventSketch => ({
      id: `event:${id}`,
      name: 'Talks in Reykjavik',
      kind: 'MEETING',
      date,
      places: ['place:reykjavik'],
      between: [],
      participants: ['person:anna'],
      sources: [`source:${id}`],
    });
    const subjects = [
      meeting('edge', '2025-03-01'), // 31 days before the first day of a month-only date: near
      meeting('month', '2025-04'),
      meeting('far', '2025-06-01'), // 32 days after the month's last day: not near
      meeting('year', '1990'),
      meeting('in-1990', '1990-12-31'), // within the year-only date: possibly the same day, no conflict
      meeting('undated', null),
    ];
    // A busy anchor: a meeting a week for ten years, each told by its own source.
    const weekly = Array.from({ length: 520 }, (_, i) => meeting(`w${i}`, new Date(Date.UTC(2015, 0, 1 + 7 * i)).toISOString().slice(0, 10)));
    const known = { events: mergeSketches([...weekly, ...subjects]), agreements: new Map<string, AgreementSketch>() };
    const pairs = (ids: string[]) =>
      conflictsOf({ events: ids, agreements: [] }, known).map((conflict) => conflict.facts.map((fact) => fact.id).join(' ~ '));
    expect(pairs(subjects.map((event) => event.id))).toEqual(['event:edge ~ event:month']);
    // Meetings one to four weeks apart (28 days at most) read as one event told on two dates; five weeks, as two.
    expect(pairs(weekly.map((event) => event.id))).toHaveLength(519 + 518 + 517 + 516);
  });

  it('finds exactly the pairs that comparing every fact with every other finds', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const dates = () => {
      const year = 2020 + random(3);
      const month = String(1 + random(12)).padStart(2, '0');
      return [null, `${year}`, `${year}-${month}`, `${year}-${month}-${String(1 + random(28)).padStart(2, '0')}`, `${year}/${year + 1}`][random(5)];
    };
    const events: EventSketch[] = Array.from({ length: 300 }, (_, i) => ({
      id: `event:${i}`,
      name: `Event ${i}`,
      kind: ['MEETING', 'VISIT'][random(2)],
      date: dates(),
      places: random(4) ? [`place:${random(3)}`] : [],
      between: random(2) ? ['country:is', 'country:uy'] : [],
      participants: [`person:${random(3)}`],
      sources: [`source:${random(150)}`],
    }));
    const agreements: AgreementSketch[] = Array.from({ length: 300 }, (_, i) => ({
      id: `agreement:${i}`,
      title: ['Cultural Programme', 'cultural programme', 'Trade Accord'][random(3)],
      signedOn: dates(),
      parties: random(2) ? [`country:${random(3)}`] : [],
      signatories: random(2) ? [`person:${random(3)}`] : [],
      signers: random(3) ? [] : [{ verb: 'SIGNED', country: 'country:is', person: `person:${random(3)}`, sources: [`source:${random(150)}`] }],
      sources: [`source:${random(150)}`],
    }));
    const known = { events: mergeSketches(events), agreements: mergeSketches(agreements) };
    // The run's facts (the subjects) are one in three; the others are the graph's.
    const subject = (fact: { id: string }) => Number(fact.id.split(':')[1]) % 3 === 0;
    const everyPair = <T extends { id: string }>(facts: Map<string, T>, compare: (a: T, b: T) => unknown) => {
      const list = [...facts.values()];
      return list.flatMap((a, i) =>
        list.slice(i).filter((b) => (subject(a) || subject(b)) && compare(a, b)).map((b) => [a.id, b.id].sort().join(' ~ ')),
      );
    };
    const expected = [...everyPair(known.events, compareEvents), ...everyPair(known.agreements, compareAgreements)].sort();
    const ids = (facts: Map<string, { id: string }>) => [...facts.values()].filter(subject).map((fact) => fact.id);
    const found = conflictsOf({ events: ids(known.events), agreements: ids(known.agreements) }, known)
      .map((conflict) => [...conflict.facts.map((fact) => fact.id), ...conflict.facts.map((fact) => fact.id)].slice(0, 2).sort().join(' ~ '))
      .sort();
    expect(expected.length).toBeGreaterThan(20);
    expect(found).toEqual(expected);
  });
});
