import path from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_EDITIONS, EDITION_IDS, type EditionId } from '../render/editions.ts';

interface WatchFlags {
  out: string;
  edition?: EditionId[];
  strict?: boolean;
  serve?: boolean;
  port?: string;
}

/** What the preview server module offers (src/site/previewServer.ts). */
interface PreviewServer {
  url: string;
  notifyReload(): void;
  close(): Promise<void>;
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
    .option('--strict', 'treat missing translations, stale translations and weak link text as errors')
    .option('--serve', 'serve the output folder with a preview page that reloads after each rebuild')
    .option('--port <port>', 'port for --serve')
    .action(async (flags: WatchFlags, command: Command) => {
      const root = path.resolve(command.parent?.opts().root ?? process.cwd());
      const verbose = command.parent?.opts().verbose === true;
      const outDir = path.resolve(root, flags.out);
      const port = flags.port === undefined ? undefined : Number(flags.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        console.error(`leaflets: --port must be a port number (got "${flags.port}")`);
        setExitCode(2);
        return;
      }
      // Ctrl+C or a TERM while starting up still ends everything cleanly.
      let stopRequested: () => void = () => undefined;
      const stopped = new Promise<void>((resolve) => (stopRequested = resolve));
      process.once('SIGINT', () => stopRequested());
      process.once('SIGTERM', () => stopRequested());

      let server: PreviewServer | undefined;
      if (flags.serve) {
        try {
          // Loaded only with --serve, so the watcher never depends on the website code.
          const { startPreviewServer } = await import('../site/previewServer.ts');
          server = await startPreviewServer({ outDir, ...(port === undefined ? {} : { port }) });
        } catch (error) {
          console.error(`leaflets: could not start the preview server: ${(error as Error).message}`);
          setExitCode(1);
          return;
        }
      }
      const [{ startWatch }, { printRebuild }, { formatDiagnostic, formatDiagnosticVerbose }] = await Promise.all([
        import('../watch/watchSession.ts'),
        import('../watch/watchReporter.ts'),
        import('../diagnostics/format.ts'),
      ]);
      const format = verbose ? formatDiagnosticVerbose : formatDiagnostic;
      const session = await startWatch({
        root,
        outDir,
        editions: flags.edition ?? [...DEFAULT_EDITIONS],
        strict: Boolean(flags.strict),
        onRebuild: (summary) => printRebuild(summary, undefined, { verbose }),
        // The website files follow each rebuild; the preview reloads once they are in place.
        onSiteUpdated: (diagnostics) => {
          for (const d of diagnostics) console.log(format(d));
          server?.notifyReload();
        },
        onError: (error) => console.error(`leaflets: ${verbose ? ((error as Error).stack ?? String(error)) : String((error as Error).message ?? error)}`),
      });
      await Promise.race([session.initialBuild, stopped]);
      console.log(`\nWatching the project${server ? `; preview at ${server.url}` : ''} (Ctrl+C to stop)`);
      await stopped;
      // Every worker thread, the cover thread and the server end here; nothing is left running.
      await session.close();
      await server?.close();
      setExitCode(0);
    });
}
