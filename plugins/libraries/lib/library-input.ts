// What the schema of a library's name and paths cannot say: a name is not blank and has no control characters,
// folders are absolute paths (a relative one would be resolved against the server's working directory), and a
// change changes something.
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
