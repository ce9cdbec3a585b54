// Behaviour of parseEpisodeNfo, including multi-episode files with several <episodedetails> blocks.

import { describe, expect, test } from 'bun:test';
import { parseEpisodeNfo } from './episode.ts';
import type { EpisodeNfo } from './types.ts';

const fixture = (name: string) => Bun.file(`${import.meta.dir}/fixtures/${name}`).text();

function episodesOf(xml: string): EpisodeNfo[] {
  const result = parseEpisodeNfo(xml);
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.error}`);
  return result.value;
}

describe('parseEpisodeNfo on writer samples', () => {
  test('returns one entry per block of a Kodi multi-episode NFO', async () => {
    const episodes = episodesOf(await fixture('kodi-multi-episode.nfo'));
    expect(episodes).toHaveLength(2);
    expect(episodes[0]).toMatchObject({
      ids: { tmdb: '63056', tvdb: '3254641' },
      title: 'Winter Is Coming',
      showTitle: 'Game of Thrones',
      season: 1,
      episode: 1,
      aired: '2011-04-17',
      year: 2011,
      runtimeMinutes: 62,
      writers: ['David Benioff', 'D. B. Weiss'],
      directors: ['Tim Van Patten'],
      fileInfo: { video: [{ codec: 'h264', width: 1920, height: 1080, durationSeconds: 7440 }] },
    });
    expect(episodes[1]).toMatchObject({ ids: { tmdb: '63057', tvdb: '3436411' }, season: 1, episode: 2 });
  });

  test('treats Kodi -1 display placement as unset', async () => {
    const [first] = episodesOf(await fixture('kodi-multi-episode.nfo'));
    expect(first.displaySeason).toBeUndefined();
    expect(first.displayEpisode).toBeUndefined();
  });

  test('reads a Jellyfin special with airsbefore placement', async () => {
    const [special] = episodesOf(await fixture('jellyfin-special-episode.nfo'));
    expect(special).toMatchObject({
      ids: { tvdb: '4058617', imdb: 'tt1971833' },
      season: 0,
      episode: 1,
      airsBeforeSeason: 1,
      airsBeforeEpisode: 1,
      plot: 'A look behind the scenes of the first season.',
      locked: false,
    });
  });
});

const one = (inner: string) => episodesOf(`<episodedetails>${inner}</episodedetails>`)[0];

describe('parseEpisodeNfo field rules', () => {
  test.each([
    ['season 0 (specials) is kept', '<season>0</season><episode>3</episode>', { season: 0, episode: 3 }],
    [
      'non-numeric episode is undefined',
      '<season>1</season><episode>E01</episode>',
      { season: 1, episode: undefined },
    ],
    [
      'Kodi display placement',
      '<displayseason>2</displayseason><displayepisode>5</displayepisode>',
      {
        displaySeason: 2,
        displayEpisode: 5,
      },
    ],
    [
      'displayafterseason is an alias of airsafter_season',
      '<displayafterseason>3</displayafterseason>',
      {
        airsAfterSeason: 3,
      },
    ],
    [
      'episodenumberend',
      '<episode>1</episode><episodenumberend>2</episodenumberend>',
      { episode: 1, episodeEnd: 2 },
    ],
    [
      'aired falls back to premiered',
      '<premiered>2011-04-17</premiered>',
      { aired: '2011-04-17', year: 2011 },
    ],
    ['legacy numeric <id> is a TVDb episode id', '<id>3254641</id>', { ids: { tvdb: '3254641' } }],
  ])('%s', (_name, inner, expected: Partial<EpisodeNfo>) => {
    const episode = one(inner);
    for (const [field, value] of Object.entries(expected)) {
      expect(episode[field as keyof EpisodeNfo]).toEqual(value);
    }
  });

  test('skips an unreadable block but keeps the others, with a warning', () => {
    const xml =
      '<episodedetails><title>One</title><episode>1</episode></episodedetails>\n' +
      '<episodedetails><title>Two</title><episode>2</episode></episodedetails>\n<episodedetails><tit';
    const result = parseEpisodeNfo(xml);
    expect(result.ok && result.value.map((episode) => episode.title)).toEqual(['One', 'Two']);
    expect(result.ok && result.warnings.join('\n')).toContain('cut off before its first complete element');
  });

  test('reads blocks inside the old XBMC <xbmcmultiepisode> wrapper', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<xbmcmultiepisode>\n' +
      '  <episodedetails><title>Pilot (1)</title><season>1</season><episode>1</episode></episodedetails>\n' +
      '  <episodedetails><title>Pilot (2)</title><season>1</season><episode>2</episode></episodedetails>\n' +
      '</xbmcmultiepisode>';
    const result = parseEpisodeNfo(xml);
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      value: [
        { title: 'Pilot (1)', episode: 1 },
        { title: 'Pilot (2)', episode: 2 },
      ],
    });
  });

  test('numbers warnings by block in multi-episode files', () => {
    const xml =
      '<episodedetails><uniqueid type="tvdb">1</uniqueid></episodedetails>' +
      '<episodedetails><uniqueid type="tvdb">abc</uniqueid></episodedetails>';
    const result = parseEpisodeNfo(xml);
    expect(result).toMatchObject({
      ok: true,
      warnings: ['episode block 2: ignored <uniqueid type="tvdb"> value "abc": not a valid tvdb id'],
    });
  });
});
