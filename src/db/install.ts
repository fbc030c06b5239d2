/**
 * Installs the managed Neo4j server once: Maven resolves neo4j/pom.xml (server, Browser, APOC) from Maven Central
 * into its folder, by the shared installer of src/java (atomic: an interrupted download never leaves a half install).
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import * as maven from '../java/maven-install';

export type { Log } from '../java/maven-install';

export const POM_PATH = path.join(PROJECT_ROOT, 'neo4j', 'pom.xml');

/** The Neo4j version the descriptor pins (for messages). */
export function pinnedNeo4jVersion(): string {
  return maven.pomProperty(POM_PATH, 'neo4j.version');
}

const neo4jPackage = (): maven.MavenPackage => ({
  pom: POM_PATH,
  homeProperty: 'neo4j.home',
  product: 'Neo4j',
  version: pinnedNeo4jVersion(),
  size: 'about 140 MB',
  alternative: 'set NEO4J_URI to use a Neo4j server you already run',
});

export function isInstalled(distDir: string): boolean {
  return maven.isInstalled({ pom: POM_PATH }, distDir);
}

export function ensureInstalled(distDir: string, log: maven.Log): Promise<void> {
  return maven.ensureInstalled(neo4jPackage(), distDir, log);
}
