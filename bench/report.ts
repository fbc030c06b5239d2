/** Shared by the benchmarks: medians, percentiles and docs/benchmarks.md, one section per benchmark. */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';

export const BENCHMARKS_MD = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const median = (values: number[]) => percentile(values, 50);

const HEADER = '# Benchmarks\n\nEach section is rewritten by the benchmark named in it; rerun that command to refresh it.\n';

/** Replaces (or appends) the section between `<!-- bench:NAME -->` markers, leaving the others as they are. */
export function writeBenchmarkSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const current = fs.existsSync(BENCHMARKS_MD) ? fs.readFileSync(BENCHMARKS_MD, 'utf8') : HEADER;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${escape(start)}[\\s\\S]*?${escape(end)}`);
  const next = pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(BENCHMARKS_MD), { recursive: true });
  fs.writeFileSync(BENCHMARKS_MD, next);
  process.stdout.write(`Wrote the ${name} section of ${path.relative(PROJECT_ROOT, BENCHMARKS_MD)}.\n`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export const BENCHMARKS_JSON = path.join(PROJECT_ROOT, 'docs', 'benchmarks.json');

/** Replaces one benchmark's entry in docs/benchmarks.json (machine-readable twin of the markdown). */
export function writeBenchmarkJson(name: string, data: unknown): void {
  const current = fs.existsSync(BENCHMARKS_JSON) ? (JSON.parse(fs.readFileSync(BENCHMARKS_JSON, 'utf8')) as Record<string, unknown>) : {};
  current[name] = data;
  fs.writeFileSync(BENCHMARKS_JSON, `${JSON.stringify(current, null, 2)}\n`);
}

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}
