import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_EDITIONS, EDITION_IDS, type EditionId } from '../render/editions.ts';
import type { LivePreview } from '../watch/preview/livePreview.ts';

interface WatchFlags {
  out: string;
  edition?: EditionId[];
  strict?: boolean;
  serve?: boolean;
  port?: string;
  eventLog?: string;
  jobs?: string;
}

export function registerWatchCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('watch')
    .description('Build everything, then rebuild just the PDFs an edited file affects, on every save.')
    .option('--out <dir>', 'output folder', 'output')
    .addOption(
      new Option('--edition <edition...>', `editions to build; the first is rebuilt first (default: ${DEFAULT_EDITIONS.join(', ')})`).choices([
        ...EDITION_IDS,
      ]),
    )
    .option('--jobs <n>', 'render threads, this one included (default: one per core, or LEAFLETS_JOBS; 1 renders everything in the main thread)')
    .option('--strict', 'treat missing translations, stale translations and weak link text as errors')
    .option('--serve', 'serve a live preview of every leaflet (its pages, problems and translation status) and the downloads page')
    .option('--port <port>', 'port for --serve (default 4780; 0 picks a free one)')
    .option('--event-log <file>', 'write every file event, burst, plan and job as JSON Lines (what --verbose prints)')
    .action(async (flags: WatchFlags, command: Command) => {
      const root = path.resolve(command.parent?.opts().root ?? process.cwd());
      const verbose = command.parent?.opts().verbose === true;
      const outDir = path.resolve(root, flags.out);
      const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
        console.error(`leaflets: --jobs must be a whole number of at least 1 (got "${flags.jobs}")`);
        setExitCode(2);
        return;
      }
      // Ctrl+C or a TERM while starting up still ends everything cleanly.
      let stopRequested: () => void = () => undefined;
      const stopped = new Promise<void>((resolve) => (stopRequested = resolve));
      process.once('SIGINT', () => stopRequested());
      process.once('SIGTERM', () => stopRequested());

      const editions = flags.edition ?? [...DEFAULT_EDITIONS];
      let preview: LivePreview | undefined;
      if (flags.serve) {
        // Loaded only with --serve, so the watcher never depends on the preview or website code.
        const { parsePort, PreviewPortError, startLivePreview } = await import('../watch/preview/livePreview.ts');
        try {
          preview = await startLivePreview({ root, outDir, edition: editions[0]!, port: parsePort(flags.port) });
        } catch (error) {
          if (!(error instanceof PreviewPortError)) throw error;
          console.error(`leaflets: ${error.message}`);
          setExitCode(flags.port !== undefined && !/^\d+$/.test(flags.port.trim()) ? 2 : 1);
          return;
        }
      }
      const [{ startWatch }, { printRebuild }, { formatDiagnostic, formatDiagnosticVerbose }, { formatWatchEvent, stampEvents }] = await Promise.all([
        import('../watch/watchSession.ts'),
        import('../watch/watchReporter.ts'),
        import('../diagnostics/format.ts'),
        import('../watch/watchEvents.ts'),
      ]);
      const format = verbose ? formatDiagnosticVerbose : formatDiagnostic;
      // The event log: one line per file event, burst, plan and job on stderr (--verbose), as JSON Lines in a file (--event-log).
      const eventLogFile = flags.eventLog === undefined ? undefined : path.resolve(flags.eventLog);
      const eventLog = eventLogFile === undefined ? undefined : createWriteStream(eventLogFile, { flags: 'a' });
      eventLog?.on('error', (error) => console.error(`leaflets: cannot write the event log ${eventLogFile}: ${error.message}`));
      const onEvent =
        verbose || eventLog
          ? stampEvents((event) => {
              if (verbose) process.stderr.write(`${formatWatchEvent(event)}\n`);
              eventLog?.write(`${JSON.stringify(event)}\n`);
            })
          : undefined;
      const session = await startWatch({
        root,
        outDir,
        editions,
        strict: Boolean(flags.strict),
        ...(jobs === undefined ? {} : { jobs }),
        onRebuild: (summary) => {
          printRebuild(summary, undefined, { verbose });
          if (summary.id === 0) preview?.fullBuild(summary.outputs, summary.diagnostics);
          else preview?.rebuilt(summary);
        },
        ...(preview ? { onPlan: preview.planned, onJobDone: preview.jobDone } : {}),
        // The website files follow each rebuild; the preview reloads once they are in place.
        onSiteUpdated: (diagnostics) => {
          for (const d of diagnostics) console.log(format(d));
          preview?.siteUpdated();
        },
        ...(onEvent ? { onEvent } : {}),
        ...(eventLogFile ? { ownFiles: [eventLogFile] } : {}),
        onError: (error) => console.error(`leaflets: ${verbose ? ((error as Error).stack ?? String(error)) : String((error as Error).message ?? error)}`),
      });
      await Promise.race([session.initialBuild, stopped]);
      console.log(`\nWatching the project${preview ? `; preview at ${preview.url} (each leaflet's pages: ${preview.previewUrl})` : ''} (Ctrl+C to stop)`);
      await stopped;
      // Every worker thread, the cover thread and the server end here; nothing is left running.
      await session.close();
      await preview?.close();
      await new Promise<void>((resolve) => (eventLog ? eventLog.end(resolve) : resolve()));
      setExitCode(0);
    });
}
