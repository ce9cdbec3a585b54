// A settings form rendered from a plugin's config JSON schema: nested objects as fieldsets, the value collected
// from its fields (schema-fields.ts), and server errors shown per field.
import { ApiError, type FieldIssue } from '../api.ts';
import { errorBox, h, message } from '../dom.ts';
import { type Built, field, humanize, type JsonSchema, nextId, normalize } from './schema-fields.ts';

function objectFields(s: JsonSchema, value: Record<string, unknown>, prefix: string): Built[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([key, raw]) => {
    const ps = normalize(raw);
    const path = prefix ? `${prefix}.${key}` : key;
    const label = ps.title ?? humanize(key);
    const optional = !required.has(key);
    if (ps.type === 'object' && ps.properties) {
      const inner = objectFields(ps, (value[key] as Record<string, unknown>) ?? {}, path);
      const el = h(
        'fieldset.field',
        { 'data-path': path },
        h('legend', {}, label),
        ps.description ? h('small.help', {}, ps.description) : null,
        ...inner.map((b) => b.el),
      );
      return { el, read: () => ({ set: true, value: collect(ps, inner) }), key } as Built & { key: string };
    }
    return { ...field(path, label, ps, value[key], optional), key };
  });
}

function collect(s: JsonSchema, fields: Built[]): Record<string, unknown> {
  const keys = Object.keys(s.properties ?? {});
  const out: Record<string, unknown> = {};
  fields.forEach((f, i) => {
    const r = f.read();
    if (r.set) out[keys[i]] = r.value;
  });
  return out;
}

/** Marks the fields named by the server's issues; issues that match no field go to the form's error box. */
function showIssues(form: HTMLFormElement, issues: FieldIssue[], status: HTMLElement): void {
  const rest: FieldIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.replace(/^body\.?/, '');
    const field = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    if (!field) {
      rest.push(issue);
      continue;
    }
    const err = h('p.field-error', { id: nextId('err'), role: 'alert' }, issue.message);
    field.append(err);
    const control = field.querySelector('input, select, textarea');
    control?.setAttribute('aria-invalid', 'true');
    control?.setAttribute(
      'aria-describedby',
      `${control.getAttribute('aria-describedby') ?? ''} ${err.id}`.trim(),
    );
  }
  if (rest.length)
    status.append(errorBox(rest.map((i) => `${i.path || 'settings'}: ${i.message}`).join('; ')));
}

/** The form; `save` receives the collected value and returns the saved one (the form is then re-filled). */
export function schemaForm(
  label: string,
  schema: JsonSchema,
  value: Record<string, unknown>,
  save: (value: Record<string, unknown>) => Promise<Record<string, unknown>>,
  note?: string,
): HTMLFormElement {
  const status = h('div.form-status', { 'aria-live': 'polite' }, note ? h('p.ok', {}, note) : null);
  const fields = objectFields(schema, value, '');
  const submit = h('button', { type: 'submit' }, 'Save settings');
  const form = h(
    'form.stack.schema-form',
    { 'aria-label': label },
    ...fields.map((f) => f.el),
    submit,
    status,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const x of form.querySelectorAll('.field-error')) x.remove();
    for (const x of form.querySelectorAll('[aria-invalid]')) x.removeAttribute('aria-invalid');
    status.replaceChildren();
    submit.disabled = true;
    try {
      const saved = await save(collect(schema, fields));
      form.replaceWith(schemaForm(label, schema, saved, save, 'Settings saved.'));
    } catch (err) {
      if (err instanceof ApiError && err.details.length) showIssues(form, err.details, status);
      else status.append(errorBox(message(err)));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
