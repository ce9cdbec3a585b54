// Where ffmpeg and ffprobe come from: BIJOU_FFMPEG/BIJOU_FFPROBE, else the system binary on PATH, else the static
// build shipped by the @ffmpeg-installer/ffmpeg and ffprobe-static npm packages (so a machine with only Node works).
import { createRequire } from 'node:module';

export type MediaTool = 'ffmpeg' | 'ffprobe';

const require = createRequire(import.meta.url);
const cache = new Map<MediaTool, string>();

function bundled(tool: MediaTool): string | null {
  try {
    const mod = require(tool === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe') as {
      path: string;
    };
    return mod.path;
  } catch {
    return null;
  }
}

/** Absolute path (or bare name as a last resort) of ffmpeg or ffprobe. */
export function mediaToolPath(tool: MediaTool): string {
  const hit = cache.get(tool);
  if (hit) return hit;
  const env = process.env[tool === 'ffmpeg' ? 'BIJOU_FFMPEG' : 'BIJOU_FFPROBE'];
  const path = env || Bun.which(tool) || bundled(tool) || tool;
  cache.set(tool, path);
  return path;
}
