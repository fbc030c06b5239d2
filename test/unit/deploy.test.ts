/**
 * docker-compose.scale.yml and its nginx.conf (Docker is not run here: the files are parsed and their essentials
 * checked): several API replicas, reachable only through the load balancer, on a routing URI; nothing secret on a
 * command line; article bodies fit through the proxy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config';
import { MAX_ARTICLE_FILE_BYTES } from '../../src/ingest/validate';

const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.scale.yml'), 'utf8'));
const { neo4j, api, lb } = compose.services;

/** The value a ${NAME:-default} expression takes when NAME is unset. */
const withDefaults = (value: string) => value.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');

/** nginx directives by name, with their arguments (comments dropped). */
function directives(conf: string): Array<{ name: string; args: string[] }> {
  return conf
    .replace(/#.*$/gm, '')
    .split(/[;{}]/)
    .map((statement) => statement.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([name, ...args]) => ({ name, args }));
}

describe('docker-compose.scale.yml', () => {
  it('has the database, several API replicas and a load balancer', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'lb', 'neo4j']);
    expect(Number(withDefaults(String(api.deploy.replicas)))).toBeGreaterThanOrEqual(2);
    expect(api.build).toBe('.');
  });

  it('lets clients in through the load balancer only, on loopback', () => {
    expect(api.ports).toBeUndefined();
    expect(neo4j.ports).toBeUndefined();
    expect(lb.ports).toHaveLength(1);
    expect(withDefaults(lb.ports[0])).toBe('127.0.0.1:4000:8080');
    expect(lb.image).toMatch(/^nginx:1\.(2[89]|[3-9]\d)[.\d]*-alpine$/);
    expect(lb.depends_on.api.condition).toBe('service_healthy');
    expect(lb.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
  });

  it('runs the API on a routing URI, bound inside the network, never seeding, with the token settings', () => {
    const env = api.environment;
    expect(withDefaults(env.NEO4J_URI)).toBe('neo4j://neo4j:7687');
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.PORT).toBe('4000');
    expect(env.SEED_ON_START).toBe('false');
    expect(env.NODE_ENV).toBe('production');
    for (const name of ['AUTH_JWT_SECRET', 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_ROLES_CLAIM', 'AUTH_READ']) {
      expect(env[name]).toMatch(new RegExp(`^\\$\\{${name}:-`));
    }
    expect(env.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?/);
    // The local database is optional (Aura, a cluster): the API waits for it only when it is there.
    expect(neo4j.profiles).toEqual(['local-neo4j']);
    expect(api.depends_on.neo4j).toEqual({ condition: 'service_healthy', required: false });
  });

  it('checks health without a password on any command line', () => {
    for (const service of [neo4j, api]) {
      const test = JSON.stringify(service.healthcheck.test);
      expect(test).not.toMatch(/PASSWORD|NEO4J_AUTH|-p /);
    }
    expect(JSON.stringify(api.healthcheck.test)).toContain('/health');
  });

  it('gives Neo4j bounded memory and transactions', () => {
    const env = neo4j.environment;
    expect(withDefaults(env.NEO4J_server_memory_heap_max__size)).toMatch(/^\d+[mg]$/);
    expect(withDefaults(env.NEO4J_server_memory_pagecache_size)).toMatch(/^\d+[mg]$/);
    expect(env.NEO4J_db_transaction_timeout).toBe('10s');
  });
});

describe('deploy/nginx.conf', () => {
  const conf = directives(fs.readFileSync(path.join(PROJECT_ROOT, 'deploy', 'nginx.conf'), 'utf8'));
  const all = (name: string) => conf.filter((directive) => directive.name === name).map((directive) => directive.args);

  it('balances over every replica of the api service, looked up again as they change', () => {
    expect(all('upstream')).toEqual([['api_replicas']]);
    expect(all('server')).toContainEqual(['api:4000', 'resolve']);
    expect(all('resolver')[0][0]).toBe('127.0.0.11');
    expect(all('zone')).toHaveLength(1);
    expect(all('proxy_pass')).toEqual([['http://api_replicas']]);
    expect(all('listen')).toEqual([['8080']]);
  });

  it('lets an article of the largest size through, and never replays a POST', () => {
    const [[size]] = all('client_max_body_size');
    const bytes = Number(size.slice(0, -1)) * { k: 1024, m: 1024 * 1024 }[size.slice(-1) as 'k' | 'm'];
    expect(bytes).toBeGreaterThan(MAX_ARTICLE_FILE_BYTES);
    expect(all('proxy_next_upstream')[0]).not.toContain('non_idempotent');
  });
});
