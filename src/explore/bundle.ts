/**
 * The Explorer's browser code, bundled by esbuild from src/explore/client (cytoscape.js included, from npm): built
 * once per process, at the first request for a page of the Explorer, and kept in memory. Nothing is downloaded at
 * run time, and a fresh clone needs no build step before `npm start`.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const CLIENT_DIR = path.join(__dirname, 'client');

export interface BundledAsset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

export interface ExplorerBundle {
  '/explore/assets/app.js': BundledAsset;
  '/explore/assets/app.css': BundledAsset;
}

async function bundle(): Promise<ExplorerBundle> {
  const result = await build({
    entryPoints: { app: path.join(CLIENT_DIR, 'main.ts'), 'app-style': path.join(CLIENT_DIR, 'style.css') },
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    write: false,
    outdir: '/explore-out',
    legalComments: 'eof',
    logLevel: 'silent',
  });
  const file = (name: string) => {
    const output = result.outputFiles.find((candidate) => path.basename(candidate.path) === name);
    if (!output) throw new Error(`esbuild produced no ${name}`);
    return Buffer.from(output.contents);
  };
  const asset = (type: string, body: Buffer): BundledAsset => ({ type, body, gzipped: gzipSync(body) });
  return {
    '/explore/assets/app.js': asset('text/javascript; charset=utf-8', file('app.js')),
    '/explore/assets/app.css': asset('text/css; charset=utf-8', file('app-style.css')),
  };
}

let built: Promise<ExplorerBundle> | undefined;

/** The bundle, built at the first call (a failed build is retried at the next call). */
export function explorerBundle(): Promise<ExplorerBundle> {
  built ??= bundle().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}
