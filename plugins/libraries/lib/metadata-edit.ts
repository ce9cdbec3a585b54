// What the schema of a metadata edit cannot say: text is trimmed, a title is not blank, one-line fields and list
// entries hold no control characters, an optional text of only spaces clears the field, and list entries (genres,
// studios, tags) are neither blank nor the same entry twice in another case. Also the fields an edit can lock.
import type { FieldProblem } from '@bijou/sdk';

export interface MetadataEdit {
  title?: string;
  sortTitle?: string;
  originalTitle?: string | null;
  year?: number | null;
  overview?: string | null;
  tagline?: string | null;
  contentRating?: string | null;
  rating?: number | null;
  genres?: string[];
  studios?: string[];
  tags?: string[];
  providerIds?: Record<string, string>;
}

/** The fields an edit sets and locks against rescans (and that unlock takes), in the order edits list them. */
export const EDITABLE_FIELDS = [
  'title',
  'sortTitle',
  'originalTitle',
  'year',
  'overview',
  'tagline',
  'contentRating',
  'rating',
  'genres',
  'studios',
  'tags',
  'providerIds',
] as const satisfies readonly (keyof MetadataEdit)[];

// Unicode category Cc: C0 controls, DEL and C1 controls.
const CONTROL = /\p{Cc}/u;
const REQUIRED = ['title', 'sortTitle'] as const;
const OPTIONAL = ['originalTitle', 'tagline', 'contentRating'] as const;
const LISTS = ['genres', 'studios', 'tags'] as const;
const BLANK = 'Must not be blank';
const CONTROLS = 'Must not contain control characters (such as newlines)';

/** The edit as it is stored (trimmed, blanks cleared, list repeats dropped) and its problems as 422 details. */
export function cleanEdit(edit: MetadataEdit): { edit: MetadataEdit; problems: FieldProblem[] } {
  const out: MetadataEdit = { ...edit };
  const problems: FieldProblem[] = [];
  const line = (path: string, text: string) => {
    if (CONTROL.test(text)) problems.push({ path, message: CONTROLS });
    return text.trim();
  };
  for (const k of REQUIRED) {
    const v = edit[k];
    if (v === undefined) continue;
    out[k] = line(`body.${k}`, v);
    if (out[k] === '' && !CONTROL.test(v)) problems.push({ path: `body.${k}`, message: BLANK });
  }
  for (const k of OPTIONAL) {
    const v = edit[k];
    if (typeof v === 'string') out[k] = line(`body.${k}`, v) || null;
  }
  if (typeof edit.overview === 'string') out.overview = edit.overview.trim() || null;
  for (const k of LISTS) {
    const list = edit[k];
    if (!list) continue;
    const seen = new Set<string>();
    const kept: string[] = [];
    list.forEach((v, i) => {
      const text = line(`body.${k}.${i}`, v);
      if (text === '') {
        if (!CONTROL.test(v)) problems.push({ path: `body.${k}.${i}`, message: BLANK });
        return;
      }
      const key = text.toLowerCase();
      if (!seen.has(key)) kept.push(text);
      seen.add(key);
    });
    out[k] = kept;
  }
  return { edit: out, problems };
}

/** Problems of the field names an unlock names (each must be a field an edit can lock). */
export function unlockProblems(fields: readonly string[] | undefined): FieldProblem[] {
  const known: readonly string[] = EDITABLE_FIELDS;
  return (fields ?? []).flatMap((f, i) =>
    known.includes(f)
      ? []
      : [{ path: `body.fields.${i}`, message: `Unknown field; expected one of ${known.join(', ')}` }],
  );
}
