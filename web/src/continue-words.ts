// Words under a continue-watching card: the episode, or how much of a movie is left, naming the part or version
// the viewer stopped in when the title has several files. IO-free.
import type { ContinueItem } from './api.ts';
import { episodeCode } from './components/links.ts';
import { clock } from './dom.ts';

export function continueSubtitle(c: ContinueItem): string {
  if (c.kind === 'episode') return `${episodeCode(c.seasonNumber, c.episodeNumber)} · ${c.title}`;
  const left = c.durationSeconds ? Math.max(0, c.durationSeconds - c.positionSeconds) : null;
  const time = left !== null ? `${clock(left)} left` : `${clock(c.positionSeconds)} watched`;
  const where = c.resumePart ? `Part ${c.resumePart}` : c.resumeVersionLabel;
  return where ? `${where} · ${time}` : time;
}
