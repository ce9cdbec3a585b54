// A title's details edited by hand (pure): which form fields changed, as the body of PATCH /v1/metadata/:id (only
// changed fields are sent, since every field sent is kept on rescans), and the names of edited fields in words.

export interface EditableItem {
  title: string;
  year: number | null;
  overview: string | null;
  tagline?: string | null;
  contentRating: string | null;
  genres: string[];
}

/** The form's values, as typed; a field the form does not offer is absent. */
export type EditForm = Partial<
  Record<'title' | 'year' | 'overview' | 'tagline' | 'contentRating' | 'genres', string>
>;

const text = (v: string) => v.trim() || null;

/** The fields of `form` that differ from `item`: blank texts become null, genres are split on commas. */
export function editedFields(item: EditableItem, form: EditForm): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const title = form.title?.trim();
  if (title && title !== item.title) body.title = title;
  if (form.year !== undefined) {
    const year = form.year.trim() ? Number(form.year) : null;
    if (year !== item.year) body.year = year;
  }
  for (const k of ['overview', 'tagline', 'contentRating'] as const) {
    const v = form[k];
    if (v !== undefined && text(v) !== (item[k] ?? null)) body[k] = text(v);
  }
  if (form.genres !== undefined) {
    const genres = form.genres
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    if (genres.join('\n') !== item.genres.join('\n')) body.genres = genres;
  }
  return body;
}

const WORDS: Record<string, string> = {
  sortTitle: 'sort title',
  originalTitle: 'original title',
  contentRating: 'content rating',
};

/** `["title", "contentRating"]` → "title, content rating". */
export const lockedWords = (fields: string[]): string => fields.map((f) => WORDS[f] ?? f).join(', ');
