/**
 * The Explorer's browser code, bundled by esbuild from src/explore/client (cytoscape.js included, from npm): built
 * once per process, at the first request for a page of the Explorer, and kept in memory. Nothing is downloaded at
 * run time, and a fresh clone needs no build step before `npm start`. ES modules split by esbuild: cytoscape.js is
 * a chunk of its own, loaded by the network view only. Every file is named by its content hash.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const CLIENT_DIR = path.join(__dirname, 'client');
const PUBLIC = '/explore/assets';

export interface BundledAsset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

export interface ExplorerBundle {
  /** By URL path: /explore/assets/app.<hash>.js, its chunks, the style. */
  assets: Map<string, BundledAsset>;
  script: string;
  style: string;
}

async function bundle(): Promise<ExplorerBundle> {
  const result = await build({
    entryPoints: { app: path.join(CLIENT_DIR, 'main.ts'), style: path.join(CLIENT_DIR, 'style.css') },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: ['chrome100', 'firefox100', 'safari15'],
    write: false,
    outdir: PUBLIC,
    entryNames: '[name].[hash]',
    chunkNames: 'chunk.[hash]',
    legalComments: 'eof',
    logLevel: 'silent',
  });
  const assets = new Map<string, BundledAsset>();
  for (const output of result.outputFiles) {
    const url = `${PUBLIC}/${path.basename(output.path)}`;
    const type = url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
    const body = Buffer.from(output.contents);
    assets.set(url, { type, body, gzipped: gzipSync(body) });
  }
  const find = (pattern: RegExp) => {
    const url = [...assets.keys()].find((candidate) => pattern.test(candidate));
    if (!url) throw new Error(`esbuild produced no file like ${pattern}`);
    return url;
  };
  return { assets, script: find(/\/app\.[^/]+\.js$/), style: find(/\/style\.[^/]+\.css$/) };
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
