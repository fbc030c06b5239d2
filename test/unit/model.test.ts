/**
 * One home for the fact model (src/model/facts.ts): the article format, schema.graphql and the constraints of
 * cypher/00-schema.cypher all say the same facts, labels and relationships. A fact kind or relationship added in one
 * place and not the others fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ConstDirectiveNode, type ObjectTypeDefinitionNode } from 'graphql';
import { PROJECT_ROOT } from '../../src/config';
import { articleSchema, collectionSchemas } from '../../src/ingest/format';
import { COLLECTIONS, EVIDENCE, factLabels, factRelationshipTypes, MODEL } from '../../src/model/facts';

const sdl = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'schema.graphql'), 'utf8'));
const constraints = fs.readFileSync(path.join(PROJECT_ROOT, 'cypher', '00-schema.cypher'), 'utf8');

const argument = (directive: ConstDirectiveNode, name: string) => directive.arguments?.find((arg) => arg.name.value === name)?.value;
const nodeTypes = sdl.definitions.filter(
  (definition): definition is ObjectTypeDefinitionNode =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION && !!definition.directives?.some((directive) => directive.name.value === 'node'),
);
const labelsOf = (type: ObjectTypeDefinitionNode): string[] => {
  const value = argument(type.directives!.find((directive) => directive.name.value === 'node')!, 'labels');
  return value?.kind === Kind.LIST ? value.values.map((item) => (item.kind === Kind.STRING ? item.value : '')) : [type.name.value];
};
const relationshipTypes = new Set(
  nodeTypes.flatMap((type) =>
    (type.fields ?? []).flatMap((field) =>
      (field.directives ?? [])
        .filter((directive) => directive.name.value === 'relationship')
        .map((directive) => {
          const value = argument(directive, 'type');
          return value?.kind === Kind.STRING ? value.value : '';
        }),
    ),
  ),
);

describe('the fact model', () => {
  it('is the article format: one collection per kind of fact, with the reference fields the model names', () => {
    expect(Object.keys(articleSchema.shape).filter((field) => field !== 'source' && field !== 'spans')).toEqual([...COLLECTIONS]);
    for (const collection of COLLECTIONS) {
      const fields = Object.keys(collectionSchemas[collection].shape);
      expect(fields).toEqual(expect.arrayContaining(Object.keys(MODEL[collection].refs)));
    }
  });

  it('is schema.graphql: every fact label is a node type labelled Fact, and every node type is the model or evidence', () => {
    const factTypes = nodeTypes.filter((type) => labelsOf(type).includes('Fact'));
    const declared = [...new Set(factTypes.flatMap((type) => labelsOf(type).filter((label) => label !== 'Fact')))].sort();
    expect(declared).toEqual(factLabels());
    const evidence = nodeTypes.filter((type) => !labelsOf(type).includes('Fact')).map((type) => type.name.value);
    expect(evidence.sort()).toEqual([...EVIDENCE.labels].sort());
  });

  it('is schema.graphql: the relationships it exposes are the model\'s, and the model\'s are all exposed', () => {
    expect([...relationshipTypes].sort()).toEqual([...factRelationshipTypes(), EVIDENCE.citation, EVIDENCE.inSource].sort());
  });

  it('is what `connection` walks: every relationship between facts, never evidence', () => {
    const query = sdl.definitions.find(
      (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Query',
    )!;
    const connection = query.fields!.find((field) => field.name.value === 'connection')!;
    const cypher = connection.directives!.find((directive) => directive.name.value === 'cypher')!;
    const statement = argument(cypher, 'statement');
    const walked = /shortestPath\(\(start\)-\[:([A-Z_|]+)\*/.exec(statement?.kind === Kind.STRING ? statement.value : '')?.[1].split('|');
    expect(walked?.sort()).toEqual(factRelationshipTypes());
  });

  it('is cypher/00-schema.cypher: every label has a uniqueness constraint on its id', () => {
    for (const label of [...factLabels(), ...EVIDENCE.labels, 'Fact']) {
      expect(constraints).toMatch(new RegExp(`FOR \\(n:${label}\\) REQUIRE n\\.id IS UNIQUE`));
    }
  });
});
