/**
 * The graph's real fan-out, for the cost estimate of a query: for each list field of each node type in
 * schema.graphql, the 99th percentile of how many nodes it leads to from one node (a country's signed agreements,
 * an agreement's evidence), and how many nodes each type has. Measured from the database when the API starts and
 * again every few minutes, so the estimate follows the graph as it grows; until measured (or when measuring
 * fails), a field counts as a full page.
 */
import fs from 'node:fs';
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';

/** How a list field of a node type reaches its nodes, as schema.graphql declares it. */
interface ListField {
  type: string;
  field: string;
  /** @relationship(type, direction) to nodes of `target`, or a @cypher statement from `this`. */
  relationship?: { type: string; direction: 'IN' | 'OUT'; targetLabel?: string };
  cypher?: string;
}

interface NodeType {
  name: string;
  label: string;
  fields: ListField[];
}

const argument = (directive: ConstDirectiveNode | undefined, name: string) =>
  directive?.arguments?.find((candidate) => candidate.name.value === name)?.value;
const stringArgument = (directive: ConstDirectiveNode | undefined, name: string) => {
  const value = argument(directive, name);
  return value?.kind === Kind.STRING || value?.kind === Kind.ENUM ? value.value : undefined;
};
const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const isList = (type: TypeNode): boolean => type.kind === Kind.LIST_TYPE || (type.kind === Kind.NON_NULL_TYPE && isList(type.type));

/** The node types of schema.graphql and their list fields that lead to other nodes. */
export function nodeTypes(schemaPath: string): NodeType[] {
  const objects = parse(fs.readFileSync(schemaPath, 'utf8')).definitions.filter(
    (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION,
  );
  const labelOf = new Map<string, string>();
  for (const object of objects) {
    const node = object.directives?.find((directive) => directive.name.value === 'node');
    const labels = argument(node, 'labels');
    const first = labels?.kind === Kind.LIST && labels.values[0]?.kind === Kind.STRING ? labels.values[0].value : undefined;
    if (node) labelOf.set(object.name.value, first ?? object.name.value);
  }
  const listField = (type: string, field: FieldDefinitionNode): ListField | undefined => {
    if (!isList(field.type)) return undefined;
    const relationship = field.directives?.find((directive) => directive.name.value === 'relationship');
    if (relationship) {
      return {
        type,
        field: field.name.value,
        relationship: {
          type: stringArgument(relationship, 'type')!,
          direction: stringArgument(relationship, 'direction') === 'IN' ? 'IN' : 'OUT',
          targetLabel: labelOf.get(namedType(field.type)),
        },
      };
    }
    const cypher = field.directives?.find((directive) => directive.name.value === 'cypher');
    const statement = stringArgument(cypher, 'statement');
    return statement && labelOf.has(namedType(field.type)) ? { type, field: field.name.value, cypher: statement } : undefined;
  };
  return objects
    .filter((object) => labelOf.has(object.name.value))
    .map((object) => ({
      name: object.name.value,
      label: labelOf.get(object.name.value)!,
      fields: (object.fields ?? []).map((field) => listField(object.name.value, field)).filter((field): field is ListField => !!field),
    }));
}

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/** One scan per label: every relationship field's 99th percentile degree, and the number of nodes. */
function degreeQuery(node: NodeType): string {
  const columns = node.fields
    .filter((field) => field.relationship)
    .map((field, i) => {
      const { type, direction, targetLabel } = field.relationship!;
      const target = targetLabel ? `:${quote(targetLabel)}` : '';
      const pattern = direction === 'OUT' ? `(n)-[:${quote(type)}]->(${target})` : `(n)<-[:${quote(type)}]-(${target})`;
      return `percentileDisc(COUNT { ${pattern} }, 0.99) AS f${i}`;
    });
  return `MATCH (n:${quote(node.label)}) RETURN count(n) AS nodes${columns.map((column) => `, ${column}`).join('')}`;
}

/** A @cypher list field, measured on a sample of its type's nodes (its statement starts from `this`). */
function cypherFieldQuery(node: NodeType, field: ListField, sample: number): string {
  return `MATCH (this:${quote(node.label)}) WITH this LIMIT ${sample}
          CALL (this) { ${field.cypher} }
          WITH this, count(*) AS rows
          RETURN coalesce(percentileDisc(rows, 0.99), 0) AS p99`;
}

export interface FanOutOptions {
  database: string;
  /** Bound of each measuring query. */
  timeoutMs?: number;
  /** Nodes sampled to measure a @cypher field. */
  sample?: number;
  log?: (line: string) => void;
}

export class FanOut {
  private perField = new Map<string, number>();
  private nodes = new Map<string, number>();
  /** Changes at each measurement, so that estimates cached from an older one are dropped. */
  version = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly types: NodeType[],
    private readonly options: FanOutOptions,
  ) {}

  /** Rows one node of `type` leads to through `field` (99th percentile), when measured. */
  of(type: string, field: string): number | undefined {
    return this.perField.get(`${type}.${field}`);
  }

  /** How many nodes of `type` the graph has, when measured. */
  count(type: string): number | undefined {
    return this.nodes.get(type);
  }

  async measure(): Promise<void> {
    const { database, timeoutMs = 30_000, sample = 500, log = () => undefined } = this.options;
    const read = async (query: string) =>
      (await this.driver.executeQuery(query, {}, { database, routing: neo4j.routing.READ, transactionConfig: { timeout: timeoutMs } })).records[0];
    const perField = new Map<string, number>();
    const nodes = new Map<string, number>();
    try {
      for (const node of this.types) {
        const record = await read(degreeQuery(node));
        nodes.set(node.name, Number(record.get('nodes')));
        node.fields
          .filter((field) => field.relationship)
          .forEach((field, i) => perField.set(`${node.name}.${field.field}`, Number(record.get(`f${i}`) ?? 0)));
        for (const field of node.fields.filter((candidate) => candidate.cypher)) {
          perField.set(`${node.name}.${field.field}`, Number((await read(cypherFieldQuery(node, field, sample))).get('p99')));
        }
      }
    } catch (error) {
      log(`Could not measure the graph's fan-out for the cost limit (${(error as Error).message}); lists count as full pages until the next try.`);
      return;
    }
    this.perField = perField;
    this.nodes = nodes;
    this.version++;
  }

  /** Measures again every `everyMs` in the background (the timer does not keep the process alive). */
  refreshEvery(everyMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.measure(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
