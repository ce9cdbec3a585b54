// The fields of a settings form, read from a plugin's config JSON schema: strings, numbers with limits, booleans,
// enums, string lists and `x-secret` fields (never pre-filled; "set"/"not set"), each with its label and help.
import { h } from '../dom.ts';

export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  'x-secret'?: boolean;
}

/** The mask the server sends for a secret that is set; sending it back keeps the secret. */
export const SECRET_MASK = '********';

type Read = () => { set: boolean; value?: unknown };
export interface Built {
  el: HTMLElement;
  read: Read;
}

/** "probeConcurrency" → "Probe concurrency". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  const fixed = words.replace(/\b(url|api|id|ip|http|mqtt|tmdb)\b/g, (w) => w.toUpperCase());
  return fixed.charAt(0).toUpperCase() + fixed.slice(1);
}

/** The allowed values of an enum-like schema (`enum`, or a union of constants), or null. */
export function choicesOf(s: JsonSchema): unknown[] | null {
  if (Array.isArray(s.enum)) return s.enum;
  if (s.anyOf?.length && s.anyOf.every((x) => x.const !== undefined)) return s.anyOf.map((x) => x.const);
  return null;
}

/**
 * The server may widen a scalar into a union with its string form (Elysia accepts "3" for an integer); the
 * form wants the real type, so such a union is read as its non-string branch, keeping the outer description.
 */
export function normalize(s: JsonSchema): JsonSchema {
  if (!s.anyOf?.length || choicesOf(s)) return s;
  const typed = s.anyOf.find((x) => x.type && x.type !== 'string' && x.type !== 'null') ?? s.anyOf[0];
  const { anyOf: _, ...outer } = s;
  return { ...typed, ...outer };
}

let seq = 0;

/** An element id unique in the page, shared by help texts and field errors. */
export function nextId(prefix: string): string {
  return `${prefix}-${++seq}`;
}

function wrap(path: string, label: string, s: JsonSchema, control: HTMLElement, extra?: Node): HTMLElement {
  const help = s.description ? h('small.help', { id: nextId('help') }, s.description) : null;
  if (help) control.setAttribute('aria-describedby', help.id);
  return h(
    'div.field',
    { 'data-path': path },
    h('label', {}, h('span', {}, label), control),
    extra ?? null,
    help,
  );
}

function secretField(path: string, label: string, s: JsonSchema, current: unknown, optional: boolean): Built {
  const isSet = typeof current === 'string' && current !== '';
  const input = h('input', { type: 'password', name: path, autocomplete: 'new-password', value: '' });
  input.placeholder = isSet ? 'Leave empty to keep it' : 'Not set';
  const clear = isSet && optional ? h('input', { type: 'checkbox', name: `${path}.clear` }) : null;
  const status = h(
    'span.secret-state',
    {},
    h('span', {}, isSet ? 'set' : 'not set'),
    clear ? h('label.inline', {}, clear, ' Remove it') : null,
  );
  return {
    el: wrap(path, label, s, input, status),
    read: () => {
      if (input.value) return { set: true, value: input.value };
      if (clear?.checked) return { set: false };
      return isSet ? { set: true, value: SECRET_MASK } : { set: false };
    },
  };
}

function scalarField(path: string, label: string, s: JsonSchema, current: unknown, optional: boolean): Built {
  const choices = choicesOf(s);
  if (choices) {
    const select = h(
      'select',
      { name: path },
      optional ? h('option', { value: '' }, '(not set)') : null,
      ...choices.map((c) => h('option', { value: String(c), selected: c === current }, String(c))),
    );
    return {
      el: wrap(path, label, s, select),
      read: () => {
        if (select.value === '' && optional) return { set: false };
        const hit = choices.find((c) => String(c) === select.value);
        return { set: true, value: hit };
      },
    };
  }
  if (s.type === 'boolean') {
    const box = h('input', { type: 'checkbox', name: path, checked: current === true });
    const help = s.description ? h('small.help', { id: nextId('help') }, s.description) : null;
    if (help) box.setAttribute('aria-describedby', help.id);
    const el = h('div.field', { 'data-path': path }, h('label.inline', {}, box, ` ${label}`), help);
    return { el, read: () => ({ set: true, value: box.checked }) };
  }
  if (s.type === 'number' || s.type === 'integer') {
    const input = h('input', {
      type: 'number',
      name: path,
      min: s.minimum ?? null,
      max: s.maximum ?? null,
      step: s.type === 'integer' ? 1 : 'any',
      value: typeof current === 'number' ? String(current) : '',
      required: !optional,
    });
    return {
      el: wrap(path, label, s, input),
      read: () =>
        input.value === '' ? { set: !optional, value: null } : { set: true, value: Number(input.value) },
    };
  }
  if (s.type === 'array' && (s.items?.type === 'string' || !s.items)) {
    const area = h('textarea', { name: path, rows: 3 });
    area.value = Array.isArray(current) ? current.join('\n') : '';
    const hint = h('small.muted', {}, 'One per line');
    return {
      el: wrap(path, label, s, area, hint),
      read: () => ({
        set: true,
        value: area.value
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      }),
    };
  }
  const input = h('input', {
    type: 'text',
    name: path,
    value: typeof current === 'string' ? current : current === undefined ? '' : JSON.stringify(current),
    maxlength: s.maxLength ?? null,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  return {
    el: wrap(path, label, s, input),
    read: () => (input.value === '' && optional ? { set: false } : { set: true, value: input.value }),
  };
}

/** The field of one property that is not a nested object. */
export function field(path: string, label: string, s: JsonSchema, value: unknown, optional: boolean): Built {
  return s['x-secret']
    ? secretField(path, label, s, value, optional)
    : scalarField(path, label, s, value, optional);
}
