// The player page (/play/:id, ?from=<seconds>, ?file=<file id> for a trailer, a featurette, or one version or part): the title line, the stage with the video and its controls, and the
// playback mode in words; the player itself lives in web/src/player/.
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
  const page = h(
    'section.page.player',
    {},
    h('div.player-head', {}, backLink, h('h1', {}, now.heading)),
    stage,
    status,
  );
  const player = createPlayer({
    itemId: id,
    fileId,
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
