// Which file a play request starts and where: a profile's resume point belongs to one main file of an item (a part
// of a movie in parts, or a version), so only that file resumes. IO-free.

/** A profile's watch state of an item; `fileId` null: the item's first file (points recorded before files counted). */
export interface ResumePoint {
  position: number;
  watched: boolean;
  fileId: string | null;
}

export interface ResumeTarget {
  /** The file to play; undefined leaves the choice to the caller (the item's first file). */
  fileId: string | undefined;
  /** Where to start unless the request names a position. */
  resumeAt: number;
}

/**
 * With no file asked for and no start position, the file the point is in, at its position. A named file resumes
 * only when the point is in it, otherwise starts at 0; a start position without a file plays the first file
 * (the caller asks for a place in the item, which begins there). `files` are the item's main files, the first
 * being the default; a point in a file that is not one of them, or missing, counts as being in the first.
 */
export function resumeTarget(
  point: ResumePoint | null,
  files: readonly { id: string; missing: boolean }[],
  ask: { fileId?: string; startPosition?: number },
): ResumeTarget {
  const first = files[0]?.id;
  const resumable = point !== null && !point.watched && point.position > 0;
  const stored =
    point?.fileId && files.some((f) => f.id === point.fileId && !f.missing) ? point.fileId : first;
  const owner = resumable ? stored : undefined;
  const at = (fileId: string | undefined) =>
    owner !== undefined && fileId === owner ? (point as ResumePoint).position : 0;
  if (ask.fileId) return { fileId: ask.fileId, resumeAt: at(ask.fileId) };
  if (ask.startPosition !== undefined) return { fileId: undefined, resumeAt: at(first) };
  return { fileId: owner, resumeAt: at(owner) };
}
