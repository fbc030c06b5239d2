/** What the server tells the page (src/explore/page.ts): the schema's fields per type, the Browser style's colours. */
export interface ExplorerSettings {
  /** Field names of each type the Explorer reads, as the running schema has them. */
  fields: Record<string, string[]>;
  /** Per kind of node (Person, Country...): the colours of browser/style.grass. */
  colours: Record<string, { fill: string; border: string; text: string }>;
}

export interface Schema {
  has(type: string, field: string): boolean;
  /** The fields among `names` that the type has, space-separated (for a selection set). */
  optional(type: string, ...names: string[]): string;
}

export function schemaOf(settings: ExplorerSettings): Schema {
  const sets = new Map(Object.entries(settings.fields).map(([type, names]) => [type, new Set(names)]));
  const has = (type: string, field: string) => sets.get(type)?.has(field) ?? false;
  return { has, optional: (type, ...names) => names.filter((name) => has(type, name)).join(' ') };
}
