// Adding a library (name following the kind until typed, kind, folder path) and a live scan progress bar fed by SSE
// scan events.
import { get, type Library, post } from '../api.ts';
import { asyncForm, field, h } from '../dom.ts';
import { subscribe } from '../events.ts';
import { describeScan, kindName } from '../scan-words.ts';
import { browseButton } from './folder-picker.ts';

/** Sets the bar to a scan's progress; while the scan walks (no total yet, progress 0) it shows activity instead. */
function showProgress(bar: HTMLProgressElement, s: { phase: string | null; progress: number }): void {
  if (s.phase === 'walking' && s.progress === 0) bar.removeAttribute('value');
  else bar.value = Math.round(s.progress * 100);
}

/** A progress bar for one library; follows scan events until `dispose` runs. */
export function scanProgress(lib: Library): { el: HTMLElement; dispose(): void; finished: Promise<void> } {
  const bar = h('progress', { max: '100' });
  showProgress(bar, lib.scan);
  bar.setAttribute('aria-label', `Scan progress of ${lib.name}`);
  const text = h('span.scan-text', { 'aria-live': 'polite' }, describeScan(lib.scan));
  const el = h('div.scan', { 'data-library': lib.id }, bar, text);
  let done!: () => void;
  const finished = new Promise<void>((r) => {
    done = r;
  });
  const offs = [
    subscribe('libraries.scan.progressed', (p) => {
      if (p.libraryId !== lib.id) return;
      showProgress(bar, p);
      text.textContent = describeScan({
        state: 'running',
        phase: p.phase,
        progress: p.progress,
        counts: p.counts,
        error: null,
      });
    }),
    subscribe('libraries.scan.finished', (p) => {
      if (p.libraryId !== lib.id) return;
      bar.value = 100;
      text.textContent = describeScan({
        state: p.state,
        phase: 'done',
        progress: 1,
        counts: p.counts,
        error: p.error,
      });
      el.classList.add('done');
      done();
    }),
  ];
  return {
    el,
    finished,
    dispose: () => {
      for (const off of offs) off();
    },
  };
}

/** Starts a scan and re-reads the state once, in case it finished before the event stream connected. */
export async function startScan(lib: Library, view: ReturnType<typeof scanProgress>): Promise<void> {
  await post(`/v1/libraries/${lib.id}/scan`);
  setTimeout(async () => {
    if (view.el.classList.contains('done')) return;
    const fresh = await get<Library>(`/v1/libraries/${lib.id}`).catch(() => null);
    if (fresh && fresh.scan.state !== 'running' && fresh.scan.phase === 'done') {
      view.el.querySelector('progress')!.value = 100;
      view.el.querySelector('.scan-text')!.textContent = describeScan(fresh.scan);
      view.el.classList.add('done');
    }
  }, 1500);
}

/** A labelled path input with a Browse… button (named `browseName`) that opens the folder picker. */
export function pathField(label: string, input: HTMLInputElement, browseName: string): HTMLElement {
  return h(
    'div.field',
    {},
    h('label', { for: input.id }, h('span', {}, label)),
    h('div.path-row', {}, input, browseButton(input, browseName)),
  );
}

/** The add-library form; `onAdded` receives the created library (its scan already started). */
export function libraryForm(onAdded: (lib: Library) => void): HTMLElement {
  const name = h('input', { name: 'name', required: true, value: 'Movies', autocomplete: 'off' });
  const kind = h(
    'select',
    { name: 'kind' },
    h('option', { value: 'movies' }, 'Movies'),
    h('option', { value: 'shows' }, 'TV shows'),
  );
  // The name follows the kind until someone types one (a shows library was otherwise named "Movies").
  const defaults = new Set(['Movies', 'TV shows', '']);
  kind.addEventListener('change', () => {
    if (defaults.has(name.value.trim())) name.value = kindName(kind.value);
  });
  const path = h('input', {
    id: 'new-library-path',
    name: 'path',
    required: true,
    placeholder: '/media/Movies',
    autocomplete: 'off',
  });
  const fields = [
    field('Name', name),
    field('Kind', kind),
    pathField('Folder path on the server', path, 'Browse server folders'),
  ];
  return asyncForm('Add a library', fields, 'Add library and scan', async (form) => {
    const lib = await post<Library>('/v1/libraries', {
      name: name.value.trim(),
      kind: kind.value,
      paths: [path.value.trim()],
    });
    onAdded(lib);
    form.reset();
  });
}
