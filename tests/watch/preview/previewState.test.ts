import { describe, expect, it } from 'vitest';
import type { OutputResult } from '../../../src/build/buildProject.ts';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.ts';
import { DEFAULT_PREVIEW_PORT, parsePort, PreviewPortError } from '../../../src/watch/preview/livePreview.ts';
import { PreviewState, type PreviewUnit } from '../../../src/watch/preview/previewState.ts';

const output = (locale: string, edition: 'a5' | 'a4', status: OutputResult['status']): OutputResult => ({
  leafletId: 'support',
  locale,
  edition,
  file: `output/${locale}/support${edition === 'a5' ? '' : `.${edition}`}.pdf`,
  status,
  pages: 4,
  ms: 1,
});
const problem = (file: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ file, severity, rule: 'test', source: 'compile', message: `in ${file}` });

describe('the preview state', () => {
  it('counts writes of the previewed edition only, and files each problem under the leaflet it concerns', () => {
    const state = new PreviewState('a5');
    const heard: PreviewUnit[] = [];
    state.onChange((unit) => heard.push({ ...unit }));
    state.fullBuild([output('en-GB', 'a5', 'written'), output('cy', 'a5', 'unchanged'), output('cy', 'a4', 'written')], [
      problem('content/cy/support.md', 'warning'),
      problem('content/en-GB/other.md'),
      problem('locales/cy/common.json', 'warning'),
    ]);
    expect(state.unit('cy', 'support')).toMatchObject({ version: 1, failed: false, pages: 4, file: 'output/cy/support.pdf' });
    expect(state.unit('cy', 'support')!.diagnostics.map((d) => d.file)).toEqual(['content/cy/support.md', 'locales/cy/common.json']);
    expect(state.unit('en-GB', 'support')!.diagnostics).toEqual([]);

    // Another edition's job changes nothing the preview shows.
    state.jobDone({ leafletId: 'support', locale: 'cy', edition: 'a4' }, [output('cy', 'a4', 'written')]);
    expect(state.unit('cy', 'support')!.version).toBe(1);

    // A broken save: the version stays (the last good PDF is shown), the error is the page's.
    state.jobDone({ leafletId: 'support', locale: 'cy', edition: 'a5' }, [output('cy', 'a5', 'failed')], [problem('content/cy/support.md')]);
    expect(state.unit('cy', 'support')).toMatchObject({ version: 1, failed: true, diagnostics: [expect.objectContaining({ severity: 'error' })] });

    // Fixed and written: a new version, no problems.
    state.jobDone({ leafletId: 'support', locale: 'cy', edition: 'a5' }, [output('cy', 'a5', 'written')], []);
    expect(state.unit('cy', 'support')).toMatchObject({ version: 2, failed: false, diagnostics: [] });
    expect(heard.filter((unit) => unit.locale === 'cy').map((unit) => [unit.version, unit.failed])).toEqual([
      [1, false],
      [1, true],
      [2, false],
    ]);
  });
});

describe('--port', () => {
  it('defaults to the documented port, takes 0 for any free port, and refuses anything else with a clear message', () => {
    expect(parsePort(undefined)).toBe(DEFAULT_PREVIEW_PORT);
    expect(DEFAULT_PREVIEW_PORT).toBe(4780);
    expect(parsePort('8080')).toBe(8080);
    expect(parsePort('0')).toBe(0);
    for (const bad of ['abc', '-1', '65536', '80.5', '']) expect(() => parsePort(bad)).toThrow(PreviewPortError);
    expect(() => parsePort('abc')).toThrow('--port must be a whole number from 1 to 65535, or 0 for any free port (got "abc"); the default is 4780');
  });
});
