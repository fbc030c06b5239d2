/**
 * The flat digest of a draft (`npm run extract -- --format summary`): people, organizations, agreements and
 * exchanges, each as names rather than keys. An unnamed official appears as a role label ("Minister of Foreign
 * Affairs of Kenya"), never with a name.
 */
import type { Article } from '../ingest/format';

export interface Summary {
  persons: { name: string; aliases: string[]; roles: string[]; country?: string }[];
  organizations: { name: string; kind: string; country?: string }[];
  agreements: { title: string; kind: string; parties: string[]; topics: string[] }[];
  exchanges: { document: string; by: string; with: string[]; verb: string }[];
}

export function summarise(article: Article): Summary {
  const country = new Map(article.countries.map((c) => [c.key, c.name]));
  const actor = new Map<string, string>([
    ...article.countries.map((c) => [c.key, c.name] as [string, string]),
    ...article.bodies.map((b) => [b.key, b.name] as [string, string]),
    ...article.places.map((p) => [p.key, p.name] as [string, string]),
  ]);
  const person = new Map(article.people.map((p) => [p.key, p.name]));
  const position = new Map(article.positions.map((p) => [p.key, p]));
  const document = new Map(article.agreements.map((a) => [a.key, a.title]));
  const persons = article.people.map((p) => {
    const held = article.occupancies.filter((o) => o.holder === p.key).map((o) => position.get(o.position)!);
    const countries = [...new Set(held.map((h) => h.country).filter((c): c is string => !!c))];
    return {
      name: p.name,
      aliases: [...p.aliases, ...p.weakAliases],
      roles: [...new Set(held.map((h) => h.title))],
      ...(countries.length === 1 ? { country: country.get(countries[0]) } : {}),
    };
  });
  const sideName = (side: Article['exchanges'][number]['sides'][number]) =>
    side.person ? person.get(side.person)! : `${side.role}${side.country ? ` of ${country.get(side.country)}` : ''}`;
  const exchanges = article.exchanges.flatMap((e) =>
    e.documents.map((doc) => {
      const [first, ...rest] = e.sides.map(sideName);
      return { document: document.get(doc)!, by: first, with: rest, verb: e.verb.words ?? e.verb.kind.toLowerCase() };
    }),
  );
  return {
    persons,
    organizations: article.bodies.map((b) => ({ name: b.name, kind: b.kind, ...(b.country ? { country: country.get(b.country) } : {}) })),
    agreements: article.agreements.map((a) => ({
      title: a.title,
      kind: a.kind,
      parties: [...new Set([...a.parties, ...a.signatories])].map((k) => actor.get(k)!),
      topics: a.topics,
    })),
    exchanges,
  };
}
