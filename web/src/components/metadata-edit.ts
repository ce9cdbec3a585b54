// Editing a title's details by hand (admins only): title, year, tagline (movies), content rating (movies, shows),
// genres and overview, sent with PATCH /v1/metadata/:id; the page says which fields were edited (kept on rescans).
import { type Item, patch } from '../api.ts';
import { asyncForm, field, h } from '../dom.ts';
import { type EditForm, editedFields, lockedWords } from '../edit-fields.ts';
import { refresh } from '../router.ts';
import { state } from '../session.ts';

/** The "Edit details" button and its form for admins (with a note naming hand-edited fields); null for others. */
export function metadataEditor(item: Item): HTMLElement | null {
  if (state.user?.role !== 'admin') return null;
  const input = (name: string, value: string | number | null | undefined, attrs = {}) =>
    h('input', { name, value: value ?? '', autocomplete: 'off', ...attrs });
  const title = input('title', item.title, { required: true, maxlength: 300 });
  const year = input('year', item.year, { type: 'number', min: 1800, max: 3000 });
  const tagline = item.kind === 'movie' ? input('tagline', item.tagline, { maxlength: 500 }) : null;
  const rating =
    item.kind === 'movie' || item.kind === 'show'
      ? input('contentRating', item.contentRating, { maxlength: 20 })
      : null;
  const genres = input('genres', item.genres.join(', '));
  const overview = h('textarea', { name: 'overview', rows: 5, maxlength: 10000 }, item.overview ?? '');
  const fields = [
    field('Title', title),
    field('Year', year),
    tagline && field('Tagline', tagline),
    rating && field('Content rating', rating),
    field('Genres, separated by commas', genres),
    h('label.field', {}, h('span', {}, 'Overview'), overview),
  ].filter((f): f is HTMLElement => !!f);
  const form = asyncForm(`Edit details of ${item.title}`, fields, 'Save details', async () => {
    const values: EditForm = { title: title.value, year: year.value, genres: genres.value };
    values.overview = overview.value;
    if (tagline) values.tagline = tagline.value;
    if (rating) values.contentRating = rating.value;
    const body = editedFields(item, values);
    if (Object.keys(body).length) await patch(`/v1/metadata/${encodeURIComponent(item.id)}`, body);
    refresh();
  });
  // A wrapper hides the form: the forms' own display style would win over its hidden attribute.
  const panel = h('div', { hidden: true }, form);
  const toggle = h('button.ghost', { type: 'button', 'aria-expanded': 'false' }, 'Edit details');
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) title.focus();
  });
  const locked = item.lockedFields ?? [];
  return h(
    'div.metadata-edit',
    {},
    locked.length ? h('p.muted', {}, `Edited by hand, kept on rescans: ${lockedWords(locked)}.`) : null,
    toggle,
    panel,
  );
}
