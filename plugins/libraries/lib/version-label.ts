// The label a movie file shows as one of its title's files: Jellyfin's version label (`Dune (2021) - 2160p`), else
// what its 3D tag says (`Avatar (2009) 3D.HSBS.mkv` → "3D HSBS"), so a 3D copy beside the 2D file is told apart.
import type { ParsedMovie } from './naming/index.ts';

const THREE_D: Record<NonNullable<ParsedMovie['threeD']>, string> = {
  '3d': '3D',
  hsbs: '3D HSBS',
  fsbs: '3D FSBS',
  htab: '3D HTAB',
  ftab: '3D FTAB',
  mvc: '3D MVC',
};

/** The version label of a parsed movie file, or undefined for a plain file. */
export function fileVersionLabel(parsed: Pick<ParsedMovie, 'versionLabel' | 'threeD'>): string | undefined {
  return parsed.versionLabel ?? (parsed.threeD ? THREE_D[parsed.threeD] : undefined);
}
