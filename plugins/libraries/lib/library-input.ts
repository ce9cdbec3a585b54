// What the schema of a library's name and paths cannot say: a name is not blank and has no control characters,
// folders are absolute paths (a relative one would be resolved against the server's working directory), a change
// changes something, and which library already has a name.
import { isAbsolute } from 'node:path';
import type { FieldProblem } from '@bijou/sdk';

// Unicode category Cc: C0 controls, DEL and C1 controls.
const CONTROL = /\p{Cc}/u;

/** Problems of a library create or patch body, as 422 details (`body.name`, `body.paths.N`). */
export function libraryInputProblems(body: { name?: string; paths?: readonly string[] }): FieldProblem[] {
  if (body.name === undefined && body.paths === undefined)
    return [{ path: 'body', message: 'Nothing to change; expected name or paths' }];
  const out: FieldProblem[] = [];
  if (body.name !== undefined) {
    if (CONTROL.test(body.name))
      out.push({ path: 'body.name', message: 'Must not contain control characters (such as newlines)' });
    else if (body.name.trim() === '') out.push({ path: 'body.name', message: 'Must not be blank' });
  }
  body.paths?.forEach((p, i) => {
    const path = `body.paths.${i}`;
    if (p.includes('\0')) out.push({ path, message: 'Must not contain a NUL character' });
    else if (!isAbsolute(p)) out.push({ path, message: `${p} is not an absolute path` });
  });
  return out;
}

/** What two library names are compared by: trimmed, in one Unicode form (NFC), case ignored. */
export function libraryNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/**
 * The library of `libraries`, other than `self`, that already has `name` (compared by {@link libraryNameKey}). None
 * when `self` keeps its own name (in another case, say): libraries named alike before names had to differ keep
 * working.
 */
export function nameTakenBy<L extends { id: string; name: string }>(
  libraries: readonly L[],
  name: string,
  self?: { id: string; name: string },
): L | undefined {
  const key = libraryNameKey(name);
  if (self && libraryNameKey(self.name) === key) return undefined;
  return libraries.find((l) => l.id !== self?.id && libraryNameKey(l.name) === key);
}
