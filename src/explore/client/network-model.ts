/**
 * The network at the level people think in: actor - document - actor (person - document - person, country -
 * agreement - country), not the raw model's sides, occupancies and passages. Each expanded actor or document
 * brings its links (a document and the partners it joins it to); links are ranked by the strength of the
 * partnership (documents shared in what is loaded), and only the strongest are drawn, a page at a time.
 */
import { lastYearOf, yearOf } from './dates';
import { first, type ActorRef, type Agreement, type Exchange, type Ref, type Side } from './model';
import { unnamedOfficial, verbWording } from './wording';

export type NodeKind = 'Person' | 'Country' | 'Body' | 'Agreement' | 'Unnamed';

export interface NetNode {
  id: string;
  kind: NodeKind;
  label: string;
}

export interface Link {
  document: NetNode;
  date: string | null;
  /** The relation of the centre to the document: "exchanged", "signed", "bound by". */
  relation: string;
  partners: Array<{ node: NetNode; relation: string }>;
}

export interface Neighbourhood {
  centre: NetNode;
  links: Link[];
  /** How many of the ranked links are drawn. */
  shown: number;
  /** Loaded from the API so far (items of the centre's list) and whether the API has more. */
  loaded: number;
  more: boolean;
}

export const LINKS_PER_PAGE = 100;

const personNode = (ref: Ref): NetNode => ({ id: ref.id, kind: 'Person', label: ref.name });
const actorNode = (ref: ActorRef): NetNode => ({ id: ref.id, kind: ref.__typename === 'Body' ? 'Body' : 'Country', label: ref.name });
const documentNode = (document: { id: string; title: string }): NetNode => ({ id: document.id, kind: 'Agreement', label: document.title });

/** A side's actor: its person, or an unnamed official of its own (never merged with another unnamed one). */
function sideNode(side: Side): NetNode {
  const person = first(side.person);
  if (person) return personNode(person);
  const country = first(side.country);
  return { id: `unnamed:${side.id}`, kind: 'Unnamed', label: `${unnamedOfficial(side.role)}${country ? ` (${country.name})` : ''}` };
}

/** A person's links: each document they handed over, to the people (or unnamed officials) on the other sides. */
export function personLinks(personId: string, exchanges: Exchange[]): Link[] {
  const links = new Map<string, Link>();
  for (const exchange of exchanges) {
    const relation = verbWording(exchange.verb).phrase;
    const others = exchange.sides.filter((side) => first(side.person)?.id !== personId).map((side) => ({ node: sideNode(side), relation }));
    for (const document of exchange.documents) {
      const link = links.get(document.id) ?? { document: documentNode(document), date: exchange.date, relation, partners: [] };
      for (const other of others) if (!link.partners.some((p) => p.node.id === other.node.id)) link.partners.push(other);
      links.set(document.id, link);
    }
  }
  return [...links.values()];
}

/** A country's or a body's links: each agreement it signed or is bound by, to the other signatories and parties. */
export function actorLinks(actorId: string, agreements: Agreement[], relation: 'signed' | 'bound by'): Link[] {
  return agreements.map((agreement) => {
    const partners = new Map<string, { node: NetNode; relation: string }>();
    for (const signatory of agreement.signatories) if (signatory.id !== actorId) partners.set(signatory.id, { node: actorNode(signatory), relation: 'signed' });
    for (const party of agreement.parties) if (party.id !== actorId && !partners.has(party.id)) partners.set(party.id, { node: actorNode(party), relation: 'bound by' });
    return { document: documentNode(agreement), date: agreement.signedOn, relation, partners: [...partners.values()] };
  });
}

/** A document's links seen from the document: its signatories, parties and the people who handed it over. */
export function documentLinks(agreement: Agreement & { exchanges?: Exchange[] }): Array<{ node: NetNode; relation: string }> {
  const around = new Map<string, { node: NetNode; relation: string }>();
  for (const signatory of agreement.signatories) around.set(signatory.id, { node: actorNode(signatory), relation: 'signed' });
  for (const party of agreement.parties) if (!around.has(party.id)) around.set(party.id, { node: actorNode(party), relation: 'bound by' });
  for (const exchange of agreement.exchanges ?? []) {
    const relation = verbWording(exchange.verb).phrase;
    for (const side of exchange.sides) {
      const node = sideNode(side);
      if (!around.has(node.id)) around.set(node.id, { node, relation });
    }
  }
  return [...around.values()];
}

/** Strongest first: links whose partner shares the most documents with the centre, then the latest, then by title. */
export function rankLinks(links: Link[]): Link[] {
  const shared = new Map<string, number>();
  for (const link of links) for (const partner of link.partners) shared.set(partner.node.id, (shared.get(partner.node.id) ?? 0) + 1);
  const strength = (link: Link) => Math.max(0, ...link.partners.map((partner) => shared.get(partner.node.id) ?? 0));
  return [...links].sort(
    (a, b) => strength(b) - strength(a) || (b.date ?? '').localeCompare(a.date ?? '') || a.document.label.localeCompare(b.document.label),
  );
}

export interface Filters {
  kinds: Set<NodeKind>;
  fromYear?: number;
  toYear?: number;
}

export const inYears = (link: Link, filters: Filters): boolean => {
  if (filters.fromYear === undefined && filters.toYear === undefined) return true;
  const from = yearOf(link.date);
  const to = lastYearOf(link.date);
  if (from === undefined || to === undefined) return false;
  return (filters.fromYear === undefined || to >= filters.fromYear) && (filters.toYear === undefined || from <= filters.toYear);
};

export interface Drawn {
  nodes: Array<NetNode & { level: number; centre: boolean }>;
  edges: Array<{ id: string; source: string; target: string; label: string; weight: number }>;
  /** Per neighbourhood: links passing the filters, and how many of them are drawn. */
  counts: Array<{ centre: string; matching: number; drawn: number }>;
}

/**
 * What to draw: per neighbourhood, its first `shown` ranked links that pass the filters. With documents filtered
 * out, an actor is joined to its partners directly, the edge weighted by the documents they share.
 */
export function drawnGraph(neighbourhoods: Neighbourhood[], filters: Filters): Drawn {
  const nodes = new Map<string, Drawn['nodes'][number]>();
  const edges = new Map<string, Drawn['edges'][number]>();
  const counts: Drawn['counts'] = [];
  const withDocuments = filters.kinds.has('Agreement');
  const addNode = (node: NetNode, level: number, centre = false) => {
    const existing = nodes.get(node.id);
    if (!existing) nodes.set(node.id, { ...node, level, centre });
    else {
      existing.level = Math.min(existing.level, level);
      existing.centre ||= centre;
    }
  };
  const addEdge = (source: string, target: string, label: string) => {
    const [a, b] = source < target ? [source, target] : [target, source];
    const id = `${a}|${b}`;
    const existing = edges.get(id);
    if (existing) existing.weight += 1;
    else edges.set(id, { id, source, target, label, weight: 1 });
  };
  neighbourhoods.forEach((hood, i) => {
    const level = i === 0 ? 0 : (nodes.get(hood.centre.id)?.level ?? 1);
    if (filters.kinds.has(hood.centre.kind) || i === 0) addNode(hood.centre, level, true);
    const matching = hood.links.filter((link) => inYears(link, filters));
    const drawn = matching.slice(0, hood.shown);
    counts.push({ centre: hood.centre.id, matching: matching.length, drawn: drawn.length });
    for (const link of drawn) {
      const partners = link.partners.filter((partner) => filters.kinds.has(partner.node.kind));
      if (withDocuments) {
        // A document's own neighbourhood is one link whose document is the centre.
        const own = link.document.id === hood.centre.id;
        if (!own) {
          addNode(link.document, level + 1);
          addEdge(hood.centre.id, link.document.id, link.relation);
        }
        for (const partner of partners) {
          addNode(partner.node, level + (own ? 1 : 2));
          addEdge(link.document.id, partner.node.id, partner.relation);
        }
      } else {
        for (const partner of partners) {
          addNode(partner.node, level + 1);
          addEdge(hood.centre.id, partner.node.id, 'shares documents with');
        }
      }
    }
  });
  // A centre hidden by the kind filter: its edges go too; then an expanded node left with no edge goes (the root stays).
  for (const [id, edge] of edges) if (!nodes.has(edge.source) || !nodes.has(edge.target)) edges.delete(id);
  const linked = new Set([...edges.values()].flatMap((edge) => [edge.source, edge.target]));
  const root = neighbourhoods[0]?.centre.id;
  return { nodes: [...nodes.values()].filter((node) => node.id === root || linked.has(node.id)), edges: [...edges.values()], counts };
}
