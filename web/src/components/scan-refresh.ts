// A page listing titles while a scan finishes: an empty page shows what the scan found at once; a page with titles
// says new titles are in and shows them on demand (a re-render jumps to the top, so it is never forced).
import { h } from '../dom.ts';
import { subscribe } from '../events.ts';
import { type RouteContext, refresh } from '../router.ts';

interface ScanFinished {
  libraryId: string;
  counts: Record<string, number> | null;
}

const CHANGES = ['added', 'updated', 'missing', 'restored', 'removed'];
const changedTitles = (c: ScanFinished['counts']) => !!c && CHANGES.some((k) => (c[k] ?? 0) > 0);

/**
 * Follows finished scans of `libraryId` (of every library when null) that changed titles: re-renders the page when
 * `isEmpty()`, else unhides the returned notice with its "Show them" button.
 */
export function refreshOnScan(
  ctx: RouteContext,
  libraryId: string | null,
  isEmpty: () => boolean,
): HTMLElement {
  const show = h('button', { type: 'button' }, 'Show them');
  show.addEventListener('click', () => refresh());
  const note = h(
    'div.scan-note',
    { role: 'status', hidden: true },
    h('span', {}, 'A scan found new or changed titles.'),
    show,
  );
  ctx.onLeave(
    subscribe('libraries.scan.finished', (p: ScanFinished) => {
      if ((libraryId && p.libraryId !== libraryId) || !changedTitles(p.counts)) return;
      if (isEmpty()) refresh();
      else note.hidden = false;
    }),
  );
  return note;
}
