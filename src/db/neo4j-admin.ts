/**
 * Neo4j's own admin tool (`neo4j-admin`), run from the managed distribution's jars against a data folder: the
 * initial password, and offline dumps and loads of a database.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ManagedNeo4jConfig } from '../config';
import { UserError } from '../errors';
import { OWNER_ONLY_FILE, withOwnerOnlyUmask } from './permissions';

const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

function adminArgs(server: ManagedNeo4jConfig, args: string[]): string[] {
  return ['-cp', path.join(server.distDir, 'lib', '*'), ADMIN_TOOL, ...args];
}

function adminEnv(server: ManagedNeo4jConfig): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_HOME: server.dataDir, NEO4J_CONF: path.join(server.dataDir, 'conf') };
}

/**
 * Sets the password of a data folder that has never started. The password goes through an argument file
 * (`@file`, read by the tool's command-line parser), never on the command line, where any local user could see it.
 */
export function setInitialPassword(java: string, server: ManagedNeo4jConfig, password: string): void {
  const argumentFile = path.join(server.dataDir, 'run', `initial-password-${process.pid}`);
  fs.writeFileSync(argumentFile, `"${password.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`, { mode: OWNER_ONLY_FILE });
  try {
    const result = withOwnerOnlyUmask(() =>
      spawnSync(java, adminArgs(server, ['dbms', 'set-initial-password', `@${argumentFile}`]), {
        env: adminEnv(server),
        encoding: 'utf8',
      }),
    );
    if (result.status !== 0) {
      throw new UserError(`Could not set the initial Neo4j password: ${(result.stderr || result.stdout).trim()}`);
    }
  } finally {
    fs.rmSync(argumentFile, { force: true });
  }
}

/** Runs the admin tool to completion; its output is returned, or is the message of the error it fails with. */
export function runAdminTool(
  java: string,
  server: ManagedNeo4jConfig,
  args: string[],
  io: { stdin?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = io.stdin === undefined ? 'ignore' : fs.openSync(io.stdin, 'r');
    const child = withOwnerOnlyUmask(() =>
      spawn(java, adminArgs(server, args), { env: adminEnv(server), stdio: [input, 'pipe', 'pipe'] }),
    );
    if (typeof input === 'number') fs.closeSync(input);
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', (error) => reject(new UserError(`Could not run neo4j-admin: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolve(text.trim());
      reject(new UserError(`neo4j-admin ${args.slice(0, 2).join(' ')} failed (exit code ${code}): ${text.trim() || 'no output'}`));
    });
  });
}
