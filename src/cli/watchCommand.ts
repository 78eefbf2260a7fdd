import path from 'node:path';
import { Option, type Command } from 'commander';
import { formatDiagnostic } from '../diagnostics/format.ts';
import { DEFAULT_EDITIONS, EDITION_IDS, type EditionId } from '../render/editions.ts';
import { startWatch } from '../watch/watchSession.ts';
import { printRebuild } from '../watch/watchReporter.ts';

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
type StartPreviewServer = (options: { outDir: string; host?: string; port?: number }) => Promise<PreviewServer>;

async function startPreview(outDir: string, port: number | undefined): Promise<PreviewServer | undefined> {
  // Loaded only with --serve, so the watcher never depends on the website code.
  const modulePath = new URL('../site/previewServer.ts', import.meta.url).href;
  try {
    const site = (await import(modulePath)) as { startPreviewServer: StartPreviewServer };
    return await site.startPreviewServer({ outDir, ...(port === undefined ? {} : { port }) });
  } catch (error) {
    console.error(`leaflets: could not start the preview server: ${(error as Error).message}`);
    return undefined;
  }
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
      const outDir = path.resolve(root, flags.out);
      const server = flags.serve ? await startPreview(outDir, flags.port === undefined ? undefined : Number(flags.port)) : undefined;
      const session = await startWatch({
        root,
        outDir,
        editions: flags.edition ?? [...DEFAULT_EDITIONS],
        strict: Boolean(flags.strict),
        onRebuild: (summary) => printRebuild(summary),
        // The website files follow each rebuild; the preview reloads once they are in place.
        onSiteUpdated: (report) => {
          for (const d of report.diagnostics) console.log(formatDiagnostic(d));
          server?.notifyReload();
        },
        onError: (error) => console.error(`leaflets: ${(error as Error).stack ?? String(error)}`),
      });
      await session.initialBuild;
      console.log(`\nWatching content/, locales/ and templates/${server ? `; preview at ${server.url}` : ''} (Ctrl+C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await session.close();
      await server?.close();
      setExitCode(0);
    });
}
