import { loadConfig } from '../src/config';
import { parseJavaMajor } from '../src/db/java';
import { neo4jConf } from '../src/db/managed-neo4j';

describe('neo4j.conf of the managed server', () => {
  const config = loadConfig({ NEO4J_DATA_DIR: '/tmp/instance', NEO4J_DIST_DIR: '/tmp/dist', NEO4J_BOLT_PORT: '17687' });
  const conf = neo4jConf(config.managedNeo4j, config.neo4j);
  const settings = Object.fromEntries(
    conf
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('=') as [string, string]),
  );

  it('bounds every transaction in time and memory (Neo4j leaves both unbounded)', () => {
    expect(settings['db.transaction.timeout']).toBe('10s');
    expect(settings['db.memory.transaction.max']).toBe('256m');
  });

  it('listens on loopback only, on the configured ports, with authentication', () => {
    expect(settings['server.default_listen_address']).toBe('127.0.0.1');
    expect(settings['server.bolt.listen_address']).toBe('127.0.0.1:17687');
    expect(settings['server.bolt.advertised_address']).toBe('localhost:17687');
    expect(settings['server.http.listen_address']).toBe('127.0.0.1:7474');
    expect(settings['dbms.security.auth_enabled']).toBe('true');
  });

  it("lets only Neo4j Browser's own origin call the HTTP endpoint from a web page (Neo4j's default CORS is '*')", () => {
    expect(settings['dbms.security.http_access_control_allow_origin']).toBe('http://localhost:7474');
  });

  it('keeps data and logs in the instance folder and jars in the shared install', () => {
    expect(settings['server.directories.data']).toBe('/tmp/instance/data');
    expect(settings['server.directories.logs']).toBe('/tmp/instance/logs');
    expect(settings['server.directories.plugins']).toBe('/tmp/dist/plugins');
  });
});

describe('parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['openjdk version "25.0.1" 2025-10-21 LTS', 25],
    ['java version "1.8.0_392"', 8],
    ['nothing useful', undefined],
  ])('%s -> %s', (output, major) => expect(parseJavaMajor(output)).toBe(major));
});
