// Tiny DOM helpers: an element builder, text formatting and a shared error box.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | null | undefined>;

/** Creates an element: `h('a.card', { href }, 'text', child)`; `on*` attributes become listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K | `${K}.${string}`,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name as K);
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c as Node | string);
  return el;
}

/** Seconds as 1:02:03 or 2:03. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** "1 file", "3 files": a count with its noun, singular for one. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i ? 1 : 0)} ${units[i]}`;
}

/** An alert box with a message (role=alert so screen readers announce it). */
export function errorBox(message: string): HTMLElement {
  return h('p.error', { role: 'alert' }, message);
}

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A labelled form field. */
export function field(label: string, input: HTMLInputElement | HTMLSelectElement): HTMLElement {
  return h('label.field', {}, h('span', {}, label), input);
}

/**
 * A form of labelled fields and a submit button: while `onSubmit` runs the button is disabled, and a failure is
 * shown in words under the form.
 */
export function asyncForm(
  label: string,
  fields: HTMLElement[],
  submitLabel: string,
  onSubmit: (form: HTMLFormElement) => Promise<void>,
): HTMLFormElement {
  const status = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, submitLabel);
  const form = h('form.stack', { 'aria-label': label }, ...fields, submit, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    status.replaceChildren();
    try {
      await onSubmit(form);
    } catch (err) {
      status.replaceChildren(errorBox(message(err)));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
