// An admin library's statistics, shown under its row on demand: titles, video files and their size, extras, and
// the resolution, HDR, video codec and container breakdowns in words (stats-words.ts).
import { get } from '../api.ts';
import { bytes, counted, errorBox, h, message } from '../dom.ts';
import { breakdownText, itemCounts } from '../stats-words.ts';

interface LibraryStats {
  items: Record<string, number>;
  missingItems: number;
  totalFiles: number;
  totalSizeBytes: number;
  extraFiles: number;
  extraSizeBytes: number;
  byCodec: Record<string, number>;
  byResolution: Record<string, number>;
  byHdr: Record<string, number>;
  byContainer: Record<string, number>;
}

const files = (n: number, size: number) => `${counted(n, 'file')} · ${bytes(size)}`;

function statsList(s: LibraryStats): HTMLElement {
  const rows: [string, string][] = [
    ['Titles', itemCounts(s.items) + (s.missingItems ? ` · ${s.missingItems} missing from disk` : '')],
    ['Video files', files(s.totalFiles, s.totalSizeBytes)],
    ['Extras', s.extraFiles ? files(s.extraFiles, s.extraSizeBytes) : 'None'],
    ['Resolution', breakdownText('resolution', s.byResolution)],
    ['HDR', breakdownText('hdr', s.byHdr)],
    ['Video codec', breakdownText('codec', s.byCodec)],
    ['Container', breakdownText('container', s.byContainer)],
  ];
  return h('dl.lib-stats', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/** A "Stats" toggle for library `id` named `name`, and the panel it fills (read afresh on every opening). */
export function libraryStatsToggle(id: string, name: string): { button: HTMLElement; panel: HTMLElement } {
  const panel = h('div', { hidden: true });
  const button = h(
    'button.ghost',
    { type: 'button', 'aria-label': `Stats of ${name}`, 'aria-expanded': 'false' },
    'Stats',
  );
  button.addEventListener('click', async () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (!open) return;
    panel.replaceChildren(h('p.muted', {}, 'Loading…'));
    try {
      const s = await get<LibraryStats>(`/v1/libraries/${encodeURIComponent(id)}/stats`);
      panel.replaceChildren(statsList(s));
    } catch (e) {
      panel.replaceChildren(errorBox(message(e)));
    }
  });
  return { button, panel };
}
