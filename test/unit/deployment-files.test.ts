/**
 * The Docker files, read as Docker would (no Docker engine here): a non-root image on the current Node LTS, ports
 * published on loopback unless asked otherwise, and a Neo4j healthcheck that keeps the password off every command
 * line (run here with a stand-in cypher-shell that records what it was given). Also the Node versions supported.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config';

const read = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

interface Service {
  image?: string;
  build?: string;
  user?: string;
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service> };

/** Compose's interpolation with nothing set: `${VAR:-default}` is the default, `$$` a literal `$`. */
function interpolateDefaults(text: string): string {
  return text.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1').replace(/\$\$/g, '$');
}

/** Dockerfile instructions, continuation lines joined. */
function instructions(dockerfile: string): Array<{ keyword: string; rest: string }> {
  return dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'))
    .map((line) => {
      const [, keyword, rest] = /^\s*(\S+)\s*(.*)$/.exec(line)!;
      return { keyword: keyword.toUpperCase(), rest };
    });
}

const NODE_LTS = 24;

describe('the Docker image of the API', () => {
  const steps = instructions(read('Dockerfile'));

  it(`builds on Node ${NODE_LTS}, the current LTS`, () => {
    expect(steps.filter((step) => step.keyword === 'FROM').map((step) => step.rest)).toEqual([`node:${NODE_LTS}-slim`]);
  });

  it('runs as an unprivileged user', () => {
    const cmd = steps.findIndex((step) => step.keyword === 'CMD');
    const users = steps.slice(0, cmd).filter((step) => step.keyword === 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)!.rest).not.toMatch(/^(root|0)(:|$)/);
    expect(compose.services.api.user).toBeUndefined(); // compose does not put root back
  });

  it('has a healthcheck on /health', () => {
    const healthcheck = steps.find((step) => step.keyword === 'HEALTHCHECK');
    expect(healthcheck?.rest).toContain('/health');
  });
});

describe('docker-compose.yml', () => {
  it('publishes every port on loopback only unless PUBLISH_ADDRESS says otherwise', () => {
    const published = Object.entries(compose.services).flatMap(([name, service]) => (service.ports ?? []).map((port) => [name, port]));
    expect(published.map(([name]) => name).sort()).toEqual(['api', 'neo4j', 'neo4j']);
    for (const [, port] of published) {
      expect(port).toMatch(/^\$\{PUBLISH_ADDRESS:-127\.0\.0\.1\}:\d+:\d+$/);
      expect(interpolateDefaults(port)).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    }
  });

  it("lets only Neo4j Browser's own origin use Neo4j's HTTP endpoint (CORS)", () => {
    expect(compose.services.neo4j.environment?.NEO4J_dbms_security_http__access__control__allow__origin).toBe('http://localhost:7474');
  });

  it("checks Neo4j's health without the password on any command line", () => {
    const [form, command] = compose.services.neo4j.healthcheck!.test;
    expect(form).toBe('CMD-SHELL');
    // Run the check as the container would, with a cypher-shell that records its arguments and environment.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-healthcheck-'));
    try {
      const record = path.join(bin, 'record');
      fs.writeFileSync(
        path.join(bin, 'cypher-shell'),
        `#!/bin/sh\nprintf 'argv=%s\\n' "$*" > "${record}"\nprintf 'password=%s\\n' "$NEO4J_PASSWORD" >> "${record}"\n`,
        { mode: 0o755 },
      );
      const secret = 'the-secret-password-42';
      const run = spawnSync('sh', ['-c', interpolateDefaults(command)], {
        env: { PATH: `${bin}:/usr/bin:/bin`, NEO4J_AUTH: `neo4j/${secret}` },
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      const [argv, password] = fs.readFileSync(record, 'utf8').trim().split('\n');
      expect(password).toBe(`password=${secret}`); // it can log in...
      expect(argv).not.toContain(secret); // ...and `ps` shows no password
      expect(argv).not.toMatch(/(^|\s)(-p|--password)(\s|=|$)/);
      // Nor is it on the command line of the shell that runs the check.
      expect(interpolateDefaults(command)).not.toContain(secret);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });
});

describe('Node.js versions', () => {
  const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: Record<string, string> };

  it('supports the LTS releases 22 and 24 (and still 20)', () => {
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.15.0 || >=24.0.0');
    // Type definitions of the oldest supported LTS line: no API newer than it slips in unnoticed.
    expect(pkg.devDependencies['@types/node']).toMatch(/^22\./);
  });

  it('.ci/run also runs the unit tests on Node 24 from the npm registry when the machine has an older Node', () => {
    const ci = read('.ci/run');
    expect(ci).toContain('npx -y node@24');
    expect(ci).toContain('npm run test:unit');
  });
});
