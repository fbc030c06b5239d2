/**
 * Reading a V8 CPU profile (`node --cpu-prof`): where the API's JavaScript time goes, by package (inclusive shares:
 * a sample counts for every package on its stack), and a flame graph of it as a self-contained SVG, drawn here
 * (no network, no external tool).
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
}

/** The parts a request goes through, by where their code lives. Order matters: the first match wins. */
const PARTS: Array<[string, RegExp]> = [
  ['neo4j-driver', /node_modules\/neo4j-driver/],
  ['@neo4j/graphql', /node_modules\/@neo4j\/(graphql|cypher-builder)\//],
  ['query complexity', /node_modules\/graphql-query-complexity\//],
  ['graphql-armor', /node_modules\/@escape\.tech\//],
  ['Apollo Server', /node_modules\/@apollo\//],
  ['graphql-js', /node_modules\/graphql\//],
  ['other packages', /node_modules\//],
  ['project: API (src/api)', /\/src\/api\//],
  ['project: other', /\/(src|bench)\//],
  ['Node.js (http, net, streams)', /^node:/],
];

export const IDLE = new Set(['(idle)', '(program)']);

export function partOf(frame: ProfileNode['callFrame']): string {
  if (IDLE.has(frame.functionName)) return 'idle';
  if (frame.functionName === '(garbage collector)') return 'garbage collector';
  for (const [part, pattern] of PARTS) if (pattern.test(frame.url)) return part;
  return frame.url === '' ? 'V8 and native code' : 'other';
}

/** A frame's label in the flame graph: the function and the file it lives in (package-relative). */
function label(frame: ProfileNode['callFrame']): string {
  const file = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench|test)\//, '$1/');
  const name = frame.functionName || '(anonymous)';
  return file ? `${name} ${file}:${frame.lineNumber + 1}` : name;
}

function parents(profile: CpuProfile): Map<number, ProfileNode | undefined> {
  const parent = new Map<number, ProfileNode | undefined>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  return parent;
}

/** Milliseconds each sample stands for (the delta to the next sample). */
function sampleWeights(profile: CpuProfile): number[] {
  return profile.samples.map((_, i) => (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000);
}

/** The samples taken between two instants (microseconds of the monotonic clock, as process.hrtime gives). */
export function sliceProfile(profile: CpuProfile, fromUs: number, toUs: number): CpuProfile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let at = profile.startTime;
  let last = fromUs;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (at < fromUs || at > toUs) return;
    samples.push(id);
    timeDeltas.push(at - last);
    last = at;
  });
  return { ...profile, samples, timeDeltas, startTime: fromUs, endTime: toUs };
}

/** Parts that are the ground every request stands on: counted by self time only, never inclusively. */
const GROUND = new Set(['idle', 'garbage collector', 'V8 and native code', 'Node.js (http, net, streams)', 'other']);

export interface ProfileSummary {
  /** Sampled milliseconds in all, and busy (not idle). */
  totalMs: number;
  busyMs: number;
  /** Inclusive share of busy time per package or project part, in percent, largest first (overlapping). */
  inclusive: Array<{ part: string; percent: number }>;
  /**
   * Each busy sample charged to the innermost package or project part on its stack (a socket write called by the
   * driver is the driver's), else to Node.js, V8 or the garbage collector: a partition of busy time.
   */
  charged: Array<{ part: string; percent: number }>;
  /** The hottest functions by self time, in percent of busy time. */
  selfTop: Array<{ fn: string; part: string; percent: number }>;
}

export function summarize(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = parents(profile);
  const weights = sampleWeights(profile);
  let totalMs = 0;
  let busyMs = 0;
  const inclusive = new Map<string, number>();
  const charged = new Map<string, number>();
  const self = new Map<string, { part: string; ms: number }>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples.forEach((id, i) => {
    const ms = weights[i];
    totalMs += ms;
    const leaf = byId.get(id)!;
    if (IDLE.has(leaf.callFrame.functionName)) return;
    busyMs += ms;
    const seen = new Set<string>();
    let owner: string | undefined;
    for (let node: ProfileNode | undefined = leaf; node; node = parent.get(node.id)) {
      const part = partOf(node.callFrame);
      if (GROUND.has(part) || node.callFrame.functionName === '(root)') continue;
      owner ??= part;
      seen.add(part);
    }
    for (const part of seen) add(inclusive, part, ms);
    add(charged, owner ?? partOf(leaf.callFrame), ms);
    const key = label(leaf.callFrame);
    const entry = self.get(key) ?? { part: partOf(leaf.callFrame), ms: 0 };
    entry.ms += ms;
    self.set(key, entry);
  });
  const percent = (ms: number) => (100 * ms) / (busyMs || 1);
  const shares = (map: Map<string, number>) =>
    [...map].map(([part, ms]) => ({ part, percent: percent(ms) })).sort((a, b) => b.percent - a.percent);
  return {
    totalMs,
    busyMs,
    inclusive: shares(inclusive),
    charged: shares(charged),
    selfTop: [...self]
      .map(([fn, { part, ms }]) => ({ fn, part, percent: percent(ms) }))
      .sort((a, b) => b.percent - a.percent)
      .slice(0, top),
  };
}

interface FlameNode {
  name: string;
  part: string;
  ms: number;
  children: Map<string, FlameNode>;
}

/** Busy samples merged by stack (root first), frames of the same label under the same parent merged. */
function flameTree(profile: CpuProfile): FlameNode {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = parents(profile);
  const weights = sampleWeights(profile);
  const root: FlameNode = { name: 'all busy samples', part: 'root', ms: 0, children: new Map() };
  profile.samples.forEach((id, i) => {
    const leaf = byId.get(id)!;
    if (IDLE.has(leaf.callFrame.functionName)) return;
    const stack: ProfileNode[] = [];
    for (let node: ProfileNode | undefined = leaf; node; node = parent.get(node.id)) {
      if (node.callFrame.functionName !== '(root)') stack.push(node);
    }
    let at = root;
    at.ms += weights[i];
    for (const node of stack.reverse()) {
      const name = label(node.callFrame);
      let child = at.children.get(name);
      if (!child) {
        child = { name, part: partOf(node.callFrame), ms: 0, children: new Map() };
        at.children.set(name, child);
      }
      child.ms += weights[i];
      at = child;
    }
  });
  return root;
}

const COLOURS: Record<string, string> = {
  'neo4j-driver': '#e8a33d',
  '@neo4j/graphql': '#4c9be8',
  'Apollo Server': '#9b6fd6',
  'graphql-js': '#e36fa8',
  'query complexity': '#d65a5a',
  'graphql-armor': '#b0b050',
  'project: API (src/api)': '#4cb87a',
  'project: other': '#7ccf9e',
  'Node.js (http, net, streams)': '#9aa5b1',
  'V8 and native code': '#c4c9cf',
  'garbage collector': '#6b7785',
  'other packages': '#d9b98c',
  root: '#dddddd',
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A flame graph (root at the bottom) of the busy samples, coloured by part, with a legend. */
export function flameGraphSvg(profile: CpuProfile, title: string, { width = 1600, rowHeight = 16, minPixels = 0.6 } = {}): string {
  const root = flameTree(profile);
  const rects: string[] = [];
  let maxDepth = 0;
  const walk = (node: FlameNode, x: number, depth: number) => {
    const w = (node.ms / root.ms) * width;
    if (w < minPixels) return;
    maxDepth = Math.max(maxDepth, depth);
    rects.push(JSON.stringify({ x, w, depth, node: { name: node.name, part: node.part, ms: node.ms } }));
    let cx = x;
    for (const child of [...node.children.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      walk(child, cx, depth + 1);
      cx += (child.ms / root.ms) * width;
    }
  };
  walk(root, 0, 0);
  const legendHeight = 40;
  const top = 30;
  const height = top + (maxDepth + 1) * rowHeight + legendHeight;
  const body = rects.map((line) => {
    const { x, w, depth, node } = JSON.parse(line) as { x: number; w: number; depth: number; node: { name: string; part: string; ms: number } };
    const y = height - legendHeight - (depth + 1) * rowHeight;
    const share = ((100 * node.ms) / root.ms).toFixed(1);
    const text = w > 40 ? `<text x="${(x + 3).toFixed(1)}" y="${y + rowHeight - 4}">${escapeXml(node.name.slice(0, Math.floor(w / 6.5)))}</text>` : '';
    return `<g><title>${escapeXml(`${node.name} (${node.part}): ${share}% of busy time`)}</title><rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 1}" fill="${COLOURS[node.part] ?? '#cccccc'}"/>${text}</g>`;
  });
  const legend = Object.entries(COLOURS)
    .filter(([part]) => part !== 'root')
    .map(([part, colour], i) => {
      const x = 10 + (i % 6) * 260;
      const y = height - legendHeight + 8 + Math.floor(i / 6) * 16;
      return `<rect x="${x}" y="${y}" width="12" height="12" fill="${colour}"/><text x="${x + 16}" y="${y + 10}">${escapeXml(part)}</text>`;
    });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="monospace" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="14">${escapeXml(title)}</text>`,
    ...body,
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
