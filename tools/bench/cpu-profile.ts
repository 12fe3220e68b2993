// Reads a V8 CPU profile (`node --cpu-prof`) and tells where the process spent its time: self
// time per function, and per package (a node_modules package, a workspace library, Node's own
// internals, the garbage collector).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileEntry {
  name: string;
  /** Share of the samples taken while the process was busy (idle excluded), in %. */
  percent: number;
}

export interface ProfileSummary {
  /** Busy share of the profile's wall time, in %. */
  busyPercent: number;
  functions: ProfileEntry[];
  packages: ProfileEntry[];
}

/** `node_modules/typeorm/…` → typeorm; `libs/platform/auth/…` → libs/platform/auth. */
export function packageOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)') return '(program)';
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node (internals)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? url);
  }
  const workspace = /\/(libs|apps|tools)\/([^/]+)\/([^/]+)/.exec(url);
  if (workspace) return workspace.slice(1, 4).join('/');
  return url;
}

const where = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url
    .replace(/^.*node_modules\//, '')
    .replace(/^file:\/\/.*?\/(libs|apps|tools)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
};

/**
 * `window`: only the samples taken between these two instants of the monotonic clock, in µs
 * (`process.hrtime.bigint() / 1000n` in any process of the machine: V8 stamps its samples on the
 * same clock), e.g. a load run without the process's start.
 */
export function summariseProfile(
  path: string,
  top = 5,
  window?: { fromMicros: number; toMicros: number },
): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  if (window && profile.samples && profile.timeDeltas) {
    const counts = new Map<number, number>();
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas?.[i] ?? 0;
      if (at >= window.fromMicros && at <= window.toMicros)
        counts.set(id, (counts.get(id) ?? 0) + 1);
    });
    for (const node of profile.nodes) node.hitCount = counts.get(node.id) ?? 0;
  }
  const idle = profile.nodes
    .filter((n) => n.callFrame.functionName === '(idle)')
    .reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const busy = Math.max(1, total - idle);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const count = node.hitCount ?? 0;
    if (count === 0 || node.callFrame.functionName === '(idle)') continue;
    const name = where(node);
    byFunction.set(name, (byFunction.get(name) ?? 0) + count);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
  }
  const ranked = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => ({ name, percent: (100 * count) / busy }));
  return {
    busyPercent: (100 * busy) / Math.max(1, total),
    functions: ranked(byFunction),
    packages: ranked(byPackage),
  };
}
