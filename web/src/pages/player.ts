// The player page (/play/:id, ?from=<seconds>, ?file=<file id> for a trailer, a featurette, or one version or part): the title line, the stage with the video and its controls, and the
// playback mode in words; without ?file, the server resumes the part or version the position is in, and the heading
// and Up next follow it. The player itself lives in web/src/player/.
import { fileLabel } from '../components/file-details.ts';
import { h } from '../dom.ts';
import { findNextEpisode, loadNowPlaying, nextPart } from '../player/item.ts';
import { createPlayer } from '../player/player.ts';
import { navigate, type RouteContext } from '../router.ts';

export async function playerPage(ctx: RouteContext): Promise<HTMLElement> {
  const id = ctx.params.id;
  const fileId = ctx.query.get('file');
  const now = await loadNowPlaying(id, fileId);
  const video = h('video', { playsinline: true, preload: 'auto', 'aria-label': `Video: ${now.heading}` });
  const stage = h('div.stage.paused', {}, video);
  const status = h('p.player-status', { 'aria-live': 'polite' }, 'Starting…');
  const backLink = h('a.back', { href: now.back }, '← Back');
  const title = h('h1', {}, now.heading);
  const page = h('section.page.player', {}, h('div.player-head', {}, backLink, title), stage, status);
  const player = createPlayer({
    itemId: id,
    fileId,
    // Without a file named, the server resumes the part or version the position is in: when that is not the first
    // file (which the heading and Up next assume), say which, and what comes next.
    onFile: (chosen) => {
      const item = now.item;
      const file = item?.files?.find((f) => f.id === chosen);
      if (!item || !file || file === item.files?.find((f) => !f.missing)) return;
      title.textContent = [item.title, fileLabel(file) ?? 'Other version'].join(' · ');
      if (file.part) player.setNext(nextPart(item, chosen));
    },
    video,
    stage,
    status,
    back: () => (history.length > 1 ? history.back() : navigate(now.back)),
  });
  ctx.onLeave(() => player.destroy());
  const part = now.item ? nextPart(now.item, fileId) : null;
  if (part) player.setNext(part);
  else if (now.item && !fileId) void findNextEpisode(now.item).then((n) => player.setNext(n));
  const from = ctx.query.get('from');
  void player.start(from !== null ? Number(from) || 0 : null);
  return page;
}
