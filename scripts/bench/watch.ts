import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { formatMs, percentile } from './stats.ts';
import { checkoutNodeFlags } from './checkoutFlags.ts';

const REPO = process.cwd();
const EDITS = Number(process.env.WATCH_BENCH_EDITS ?? 500);
const SETTLED_EDITS = Number(process.env.WATCH_BENCH_SETTLED_EDITS ?? 50);
const IDLE_SETTLE_MS = 32_000;
/** A save that never yields a PDF is a bug to report, not a reason to wait forever. */
const EDIT_TIMEOUT_MS = 15_000;
const LEAFLET = 'content/en-GB/support.md';
const PDF = 'output/en-GB/support.pdf';
const MARKER = /You are not alone[^.]*\./;
/** A file to append the watcher's event log to (JSON Lines, `leaflets watch --event-log`): what to read when a save is lost. */
const EVENT_LOG = process.env.WATCH_BENCH_EVENT_LOG;

function copyProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'leaflets-bench-watch-'));
  for (const folder of ['content', 'locales', 'templates']) cpSync(path.join(REPO, folder), path.join(root, folder), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** Resident set size of a process and all its threads (the render workers), from /proc. */
function rssOf(pid: number): { total: number; anon: number; file: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
  return { total: kB('VmRSS'), anon: kB('RssAnon'), file: kB('RssFile') };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * Watch latency as a user sees it: the `leaflets watch` command runs as its own process on a
 * copy of the project; each edit rewrites one leaflet's Markdown and the clock stops when the
 * new A5 PDF is renamed into place (seen with fs.watch, confirmed by its inode changing).
 * Each edit waits for that rename before the next. RSS is the watch process's, taken after
 * rebuilds 10, 50, 100, 250 and the last, each once the process has been idle for 32 s (past its idle collection).
 * Two protocols: saves spaced as a person makes them (each after the previous rebuild has
 * finished), and back-to-back saves (the next as soon as the A5 lands, while the other
 * editions still render), which also drive the 500 rebuilds the RSS figure is taken over.
 * Targets: p50 <= 100 ms on a 2-core machine; RSS growth <= 10% from rebuild 10 to 500.
 */
export async function benchWatch(): Promise<void> {
  const root = copyProject();
  const child = spawn(process.execPath, [...checkoutNodeFlags(REPO, 'watch'), path.join(REPO, 'bin/leaflets.js'), '--root', root, 'watch', ...(EVENT_LOG ? ['--event-log', path.resolve(EVENT_LOG)] : [])], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let lastOutputAt = performance.now();
  let printed = '';
  const onData = (chunk: Buffer) => {
    lastOutputAt = performance.now();
    printed += chunk.toString();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  /**
   * Waits until the watcher has printed nothing for `ms`, counted from now at the earliest: a
   * back-to-back save's rebuild prints its summary only once its other editions are done, so
   * the last line printed before the save says nothing about whether the watcher is idle.
   */
  const quiet = async (ms: number) => {
    const calledAt = performance.now();
    while (performance.now() - Math.max(lastOutputAt, calledAt) < ms) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  try {
    const started = performance.now();
    while (!printed.includes('Watching')) {
      if (child.exitCode !== null) throw new Error(`watch exited:\n${printed}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`full build of the project in ${((performance.now() - started) / 1000).toFixed(1)} s (${availableParallelism()} cores)`);

    const source = readFileSync(path.join(root, LEAFLET), 'utf8');
    const pdfPath = path.join(root, PDF);
    const rebuildsDone = () => (printed.match(/PDFs? rebuilt/g) ?? []).length;
    let edits = 0;
    /**
     * A file's identity: its inode number and its change time. The inode number alone is not
     * enough: ext4 hands a freed inode number out again at once, so when two renders replace the
     * A5 within a few milliseconds (the edit's fast render and a background re-fit) the file in
     * place can carry the inode number it had before the save.
     */
    const identityOf = (file: string) => stat(file, { bigint: true }).then((s) => ({ ino: s.ino, id: `${s.ino}:${s.ctimeNs}` }), () => undefined);
    /** Saves whose new A5 came back under the inode number of the one before (an inode-only check misses them). */
    const sameInode: number[] = [];
    /** One save, timed until the new A5 PDF is renamed into place. */
    const timedEdit = async (): Promise<number> => {
      edits += 1;
      const edit = edits;
      const before = (await identityOf(pdfPath))!;
      const seen: string[] = [];
      let found = false;
      const renamed = new Promise<number>((resolve) => {
        const watcher = watch(path.dirname(pdfPath), async (_event, name) => {
          if (name !== path.basename(pdfPath)) return;
          const now = performance.now();
          const after = await identityOf(pdfPath);
          seen.push(after?.id ?? 'gone');
          if (found || !after || after.id === before.id) return;
          found = true;
          if (after.ino === before.ino) {
            sameInode.push(edit);
            console.log(`  edit ${edit}: the new A5 PDF has the inode number of the one before (${before.id} -> ${after.id})`);
          }
          watcher.close();
          resolve(now);
        });
      });
      const t0 = performance.now();
      writeFileSync(path.join(root, LEAFLET), source.replace(MARKER, `You are not alone (edit ${edit}).`));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `edit ${edit}: no new A5 PDF after ${EDIT_TIMEOUT_MS} ms (before the save ${before.id}; seen since: ${seen.join(', ') || 'nothing'}); the watcher printed:\n${printed.slice(-2000)}`,
              ),
            ),
          EDIT_TIMEOUT_MS,
        );
      });
      try {
        return (await Promise.race([renamed, timedOut])) - t0;
      } finally {
        clearTimeout(timer);
      }
    };
    const report = (label: string, latencies: number[]) =>
      console.log(
        `${label}, ${latencies.length} edits: p50 ${formatMs(percentile(latencies, 50))}, p95 ${formatMs(percentile(latencies, 95))}, ` +
          `min ${formatMs(Math.min(...latencies))}, max ${formatMs(Math.max(...latencies))}`,
      );

    // As a person works: save, look at the PDF, edit again once the rebuild (all editions,
    // translations, downloads page) has finished.
    const settled: number[] = [];
    for (let edit = 1; edit <= SETTLED_EDITS; edit += 1) {
      const done = rebuildsDone();
      settled.push(await timedEdit());
      while (rebuildsDone() === done) await new Promise((resolve) => setTimeout(resolve, 20));
      await quiet(300);
    }
    if (settled.length > 0) report('edit -> new A5 PDF in place, each save after the previous rebuild finished', settled);

    // Stress: the next save as soon as the A5 PDF lands, while the other editions still render.
    const backToBack: number[] = [];
    const rss = new Map<number, ReturnType<typeof rssOf>>();
    /** The first save after each idle pause (the watcher collected its garbage meanwhile). */
    const afterPause: number[] = [];
    let paused = false;
    for (let edit = 1; edit <= EDITS; edit += 1) {
      const latency = await timedEdit();
      backToBack.push(latency);
      if (paused) afterPause.push(latency);
      paused = false;
      if ([10, 50, 100, 250, EDITS].includes(edit)) {
        paused = true;
        // RSS once the watcher has been idle long enough for its idle collection (30 s).
        await quiet(IDLE_SETTLE_MS);
        rss.set(edit, rssOf(child.pid!));
        // Printed as it is taken: a run that stops later still shows what it measured.
        console.log(`  RSS after rebuild ${edit} and 32 s idle: ${mb(rss.get(edit)!.total)} (load average ${loadavg()[0]!.toFixed(1)})`);
      }
    }
    const first = rss.get(10)!;
    const last = rss.get(EDITS)!;
    console.log(
      `RSS after rebuild ${[...rss].map(([edit, each]) => `${edit}: ${mb(each.total)} (heap and buffers ${mb(each.anon)}, mapped files ${mb(each.file)})`).join('; ')}` +
        `\nRSS growth from rebuild 10 to ${EDITS}: ${(((last.total - first.total) / first.total) * 100).toFixed(1)}%`,
    );
    report('edit -> new A5 PDF in place, back-to-back saves', backToBack);
    if (afterPause.length > 0) console.log(`the first save after each 32 s pause: ${afterPause.map(formatMs).join(', ')}`);
    console.log(`saves whose new A5 PDF had the inode number of the one before (the same inode reused): ${sameInode.length}${sameInode.length > 0 ? ` (edits ${sameInode.join(', ')})` : ''}`);
    console.log(`load average ${loadavg().map((each) => each.toFixed(1)).join(' ')}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(root, { recursive: true, force: true });
  }
}
