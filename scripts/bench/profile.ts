/** Self time by function, by package and for garbage collection, from a V8 CPU profile. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of sampled time spent in V8's garbage collector. */
  gcShare: number;
  top: Array<{ name: string; where: string; share: number }>;
  packages: Array<{ name: string; share: number }>;
}

/** Which part of the stack a script belongs to: an npm package, the project, or V8/Node. */
function packageOf(url: string, root: string): string {
  if (url === '') return '(native)';
  const file = url.replace(/^file:\/\//, '');
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (match) return match[1]!;
  if (file.startsWith(`${root}/src/`)) return `project ${file.slice(root.length + 5).split('/')[0]}`;
  if (file.startsWith('node:')) return 'node';
  return file.startsWith(root) ? 'project other' : '(other)';
}

const shortWhere = (url: string, line: number): string => {
  const file = url.replace(/^file:\/\//, '');
  const inPackage = /node_modules\/(.*)$/.exec(file);
  return `${inPackage ? inPackage[1] : file.split('/').slice(-2).join('/')}:${line + 1}`;
};

export function summarizeProfile(profile: CpuProfile, root: string, topN = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  let total = 0;
  let gc = 0;
  const functions = new Map<string, { name: string; where: string; time: number }>();
  const packages = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    // Idle time is the probe awaiting nothing, and the inspector's own calls and the probe's
    // clock reads are measuring, not rendering.
    if (functionName === '(idle)' || functionName === '(program)') continue;
    if (url === '' && (functionName === 'dispatch' || functionName === 'cpuUsage')) continue;
    total += time;
    if (functionName === '(garbage collector)') gc += time;
    const name = functionName || '(anonymous)';
    const key = `${name}@${url}:${lineNumber}`;
    const entry = functions.get(key) ?? { name, where: shortWhere(url, lineNumber), time: 0 };
    entry.time += time;
    functions.set(key, entry);
    const pkg = functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(url, root);
    packages.set(pkg, (packages.get(pkg) ?? 0) + time);
  }
  const share = (time: number) => (total === 0 ? 0 : time / total);
  return {
    totalMs: total / 1000,
    gcShare: share(gc),
    top: [...functions.values()].sort((a, b) => b.time - a.time).slice(0, topN).map((f) => ({ name: f.name, where: f.where, share: share(f.time) })),
    packages: [...packages].sort((a, b) => b[1] - a[1]).map(([name, time]) => ({ name, share: share(time) })),
  };
}
