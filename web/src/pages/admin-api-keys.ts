// Admin: your API keys for scripts — list, create (the key is shown once, with a copy button), revoke.
import { del, get, type Page, post } from '../api.ts';
import { actionButton, adminPage, table, when } from '../components/admin.ts';
import { asyncForm, field, h } from '../dom.ts';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

function shownOnce(key: string): HTMLElement {
  const out = h('output.key-value', { 'aria-label': 'New API key' }, key);
  const copied = h('span.ok', { 'aria-live': 'polite' });
  const copy = h('button', { type: 'button' }, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(key);
      copied.textContent = 'Copied';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(out);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      copied.textContent = 'Press Ctrl+C to copy';
    }
  });
  return h(
    'div.panel.new-key',
    { role: 'status' },
    h('p', {}, h('strong', {}, 'Your new key. '), 'Copy it now: it is shown only once.'),
    h('div.key-row', {}, out, copy, copied),
  );
}

export async function adminApiKeysPage(): Promise<HTMLElement> {
  const box = h('div');
  const fresh = h('div');
  const redraw = async () => {
    const { items } = await get<Page<ApiKey>>('/v1/users/me/api-keys');
    const rows = items.map((k) => [
      h('strong', {}, k.name),
      h('code', {}, `${k.prefix}…`),
      when(k.createdAt),
      k.lastUsedAt ? when(k.lastUsedAt) : 'never',
      actionButton(
        'Revoke',
        async () => {
          await del(`/v1/users/me/api-keys/${k.id}`);
          await redraw();
        },
        {
          danger: true,
          name: `Revoke ${k.name}`,
          confirmText: `Revoke the key "${k.name}"? Scripts using it stop working.`,
        },
      ),
    ]);
    box.replaceChildren(
      table('API keys', ['Name', 'Key', 'Created', 'Last used', ''], rows, 'No API keys yet.'),
    );
  };
  await redraw();
  const name = h('input', {
    name: 'name',
    required: true,
    autocomplete: 'off',
    placeholder: 'Backup script',
  });
  const form = asyncForm('Create an API key', [field('Key name', name)], 'Create key', async (f) => {
    const k = await post<ApiKey & { key: string }>('/v1/users/me/api-keys', { name: name.value.trim() });
    f.reset();
    fresh.replaceChildren(shownOnce(k.key));
    await redraw();
  });
  return adminPage(
    '/admin/api-keys',
    'API keys',
    h(
      'p.muted',
      {},
      'Scripts send a key as ',
      h('code', {}, 'Authorization: Bearer <key>'),
      ' and act as you. Keys are stored hashed; only the prefix is shown later.',
    ),
    fresh,
    box,
    h('h2', {}, 'Create an API key'),
    form,
  );
}
