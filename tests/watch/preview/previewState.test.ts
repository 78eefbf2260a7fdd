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
    state.jobDone({ leafletId: 'support', locale: 'cy', edition: 'a4' }, { outputs: [output('cy', 'a4', 'written')] });
    expect(state.unit('cy', 'support')!.version).toBe(1);

    // A broken save: the version stays (the last good PDF is shown), the error is the page's.
    state.jobDone({ leafletId: 'support', locale: 'cy', edition: 'a5' }, { outputs: [output('cy', 'a5', 'failed')], diagnostics: [problem('content/cy/support.md')] });
    expect(state.unit('cy', 'support')).toMatchObject({ version: 1, failed: true, diagnostics: [expect.objectContaining({ severity: 'error' })] });

    // Fixed and written: a new version, no problems.
    state.jobDone({ leafletId: 'support', locale: 'cy', edition: 'a5' }, { outputs: [output('cy', 'a5', 'written')], diagnostics: [] });
    expect(state.unit('cy', 'support')).toMatchObject({ version: 2, failed: false, diagnostics: [] });
    expect(heard.filter((unit) => unit.locale === 'cy').map((unit) => [unit.version, unit.failed])).toEqual([
      [1, false],
      [1, true],
      [2, false],
    ]);
  });
});

describe('the rebuild status of a preview page', () => {
  const job = (locale: string, edition: 'a5' | 'a4' = 'a5') => ({ leafletId: 'support', locale, edition });
  const plan = (generation: number, outputs: Array<{ locale: string; edition: 'a5' | 'a4' }>, changedFiles = ['content/cy/support.md']) => ({
    generation,
    changedFiles,
    outputs: outputs.map((each) => ({ leafletId: 'support', ...each, action: 'render' as const })),
  });
  const fresh = () => {
    const state = new PreviewState('a5');
    state.fullBuild([output('en-GB', 'a5', 'written'), output('cy', 'a5', 'written')], []);
    return state;
  };
  const stateOf = (state: PreviewState, locale: string) => state.unit(locale, 'support')!.status.state;

  it('says "rebuilding" only on the pages whose previewed PDF a plan builds, at once, and "updated" once a job that read that save is done', () => {
    const state = fresh();
    const heard: Array<[string, string, number]> = [];
    state.onChange((unit) => heard.push([unit.locale, unit.status.state, unit.seq]));
    expect(stateOf(state, 'cy')).toBe('idle');

    // Another edition, or a leaflet with no page yet, concerns no page.
    state.planned(plan(1, [{ locale: 'cy', edition: 'a4' }]));
    state.planned({ generation: 1, changedFiles: ['content/cy/new.md'], outputs: [{ leafletId: 'new', locale: 'cy', edition: 'a5' }] });
    expect(heard).toEqual([]);

    state.planned(plan(2, [{ locale: 'cy', edition: 'a5' }, { locale: 'cy', edition: 'a5' }, { locale: 'cy', edition: 'a4' }]));
    expect(heard.map(([locale, status]) => [locale, status])).toEqual([['cy', 'rebuilding']]);
    expect(state.unit('cy', 'support')!.status).toMatchObject({ state: 'rebuilding', files: ['content/cy/support.md'] });
    expect(stateOf(state, 'en-GB')).toBe('idle');

    // A second save while the first renders: a job that read the first one redraws the pages but is not the answer.
    state.planned(plan(3, [{ locale: 'cy', edition: 'a5' }]));
    state.jobDone(job('cy'), { outputs: [output('cy', 'a5', 'written')], generation: 2 });
    expect(state.unit('cy', 'support')).toMatchObject({ version: 2, status: { state: 'rebuilding' } });
    state.jobDone(job('cy', 'a4'), { outputs: [output('cy', 'a4', 'written')], generation: 3 });
    expect(stateOf(state, 'cy')).toBe('rebuilding');
    state.jobDone(job('cy'), { outputs: [output('cy', 'a5', 'written')], generation: 3 });
    expect(state.unit('cy', 'support')).toMatchObject({ version: 3, status: { state: 'updated' } });

    // The background re-fit that follows a fast render: the same bytes leave "updated" as it is.
    state.jobDone(job('cy'), { outputs: [output('cy', 'a5', 'unchanged')], generation: 3 });
    expect(stateOf(state, 'cy')).toBe('updated');
    // Each change the page hears of has a higher number than the last.
    const seqs = heard.map(([, , seq]) => seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('says when a save changed nothing these pages print, when it broke the leaflet, and when the leaflet was removed', () => {
    const state = fresh();
    state.planned(plan(1, [{ locale: 'cy', edition: 'a5' }]));
    state.jobDone(job('cy'), { outputs: [output('cy', 'a5', 'unchanged')], generation: 1 });
    expect(state.unit('cy', 'support')).toMatchObject({ version: 1, status: { state: 'unchanged' } });

    state.planned(plan(2, [{ locale: 'cy', edition: 'a5' }]));
    state.jobDone(job('cy'), { outputs: [output('cy', 'a5', 'failed')], diagnostics: [problem('content/cy/support.md')], generation: 2 });
    expect(state.unit('cy', 'support')).toMatchObject({ version: 1, failed: true, status: { state: 'failed' } });

    const heard: PreviewUnit[] = [];
    state.onChange((unit) => heard.push({ ...unit }));
    state.planned(plan(3, [{ locale: 'cy', edition: 'a5' }]));
    state.jobDone(job('cy'), { removed: ['output/cy/support.pdf'], generation: 3 });
    expect(state.unit('cy', 'support')).toBeUndefined();
    expect(heard.map((unit) => unit.status.state)).toEqual(['rebuilding', 'removed']);
  });

  it('says a rebuild failed when its job crashed (no output, an internal error on the leaflet), not "rebuilding" for ever', () => {
    const state = fresh();
    state.planned(plan(1, [{ locale: 'cy', edition: 'a5' }, { locale: 'en-GB', edition: 'a5' }]));
    state.jobDone(job('en-GB'), { outputs: [output('en-GB', 'a5', 'written')], generation: 1 });
    const crash: Diagnostic = { ...problem('content/cy/support.md'), rule: 'internal-error', message: 'Internal error: could not build the a5 edition: boom' };
    // Another leaflet's internal error, or one on a page that is not rebuilding, changes nothing.
    state.rebuilt([{ ...crash, file: 'content/cy/other.md' }, { ...crash, file: 'content/en-GB/support.md' }]);
    expect(stateOf(state, 'cy')).toBe('rebuilding');
    expect(stateOf(state, 'en-GB')).toBe('updated');
    state.rebuilt([crash]);
    expect(state.unit('cy', 'support')).toMatchObject({ failed: true, status: { state: 'failed' }, diagnostics: [crash] });
    // The next save that builds starts afresh.
    state.planned(plan(2, [{ locale: 'cy', edition: 'a5' }]));
    state.jobDone(job('cy'), { outputs: [output('cy', 'a5', 'written')], diagnostics: [], generation: 2 });
    expect(state.unit('cy', 'support')).toMatchObject({ failed: false, status: { state: 'updated' }, diagnostics: [] });
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
