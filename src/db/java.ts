/** The Java runtime Neo4j 5.26 runs on (17 to 21), found by the shared lookup of src/java. */
import { findJava as findJavaFor, type Java } from '../java/find-java';

export { parseJavaMajor, type Java } from '../java/find-java';

export const MIN_JAVA = 17;
export const MAX_JAVA = 21;

export function findJava(javaHome: string | undefined): Java {
  return findJavaFor(javaHome, {
    server: 'the managed Neo4j server',
    product: 'Neo4j 5.26',
    min: MIN_JAVA,
    max: MAX_JAVA,
    wanted: `${MIN_JAVA} or ${MAX_JAVA}`,
    alternative: 'set NEO4J_URI to use a Neo4j server you already run',
  });
}
