// Admin: what the transcoder's boot probe found — ffmpeg, devices, each candidate encoder (works or its error),
// the encoder chosen per codec, and transcodes running now.
import { get } from '../api.ts';
import { adminPage, pill, table, when } from '../components/admin.ts';
import { h } from '../dom.ts';

interface Capabilities {
  state: string;
  probedAt: string | null;
  ffmpegVersion: string | null;
  hwaccels: string[];
  renderNodes: string[];
  nvidia: boolean;
  candidates: {
    accel: string;
    codec: string;
    encoder: string;
    listed: boolean;
    ok: boolean;
    error: string | null;
    hint: string | null;
    ms: number;
  }[];
  chosen: Record<string, { accel: string; encoder: string } | null>;
  error: string | null;
  capacity: { active: number; max: number };
  running: { owner: string; stream: string; startSegment: number; pid: number }[];
}

function facts(c: Capabilities): HTMLElement {
  const item = (k: string, v: Node | string) => [h('dt', {}, k), h('dd', {}, v)];
  const chosen = Object.entries(c.chosen).map(([codec, ch]) =>
    item(`Encoder for ${codec.toUpperCase()}`, ch ? `${ch.encoder} (${ch.accel})` : 'none works'),
  );
  return h(
    'dl.kv',
    {},
    ...item('Probe', pill(c.state)),
    ...item('Probed', when(c.probedAt)),
    ...item('ffmpeg', c.ffmpegVersion ?? 'not found'),
    ...item('Hardware acceleration listed', c.hwaccels.join(', ') || 'none'),
    ...item('GPU render nodes', c.renderNodes.join(', ') || 'none'),
    ...item('NVIDIA driver', c.nvidia ? 'present' : 'absent'),
    ...chosen.flat(),
    ...item('Transcodes running', `${c.capacity.active} of ${c.capacity.max}`),
  );
}

export async function adminTranscodingPage(): Promise<HTMLElement> {
  const c = await get<Capabilities>('/v1/transcoder/capabilities');
  const rows = c.candidates.map((x) => [
    h('strong', {}, x.encoder),
    x.accel,
    x.codec.toUpperCase(),
    x.listed ? 'yes' : 'no',
    x.ok
      ? pill('works')
      : h(
          'div',
          {},
          pill(x.listed ? 'failed' : 'no'),
          x.error ? h('small.error-text', {}, ` ${x.error}`) : null,
          x.hint ? h('small.muted', {}, ` ${x.hint}`) : null,
        ),
    `${Math.round(x.ms)} ms`,
  ]);
  const running = c.running.map((r) => [r.owner, r.stream, String(r.startSegment), String(r.pid)]);
  return adminPage(
    '/admin/transcoding',
    'Transcoding',
    c.error ? h('p.error', { role: 'alert' }, c.error) : null,
    facts(c),
    h('h2', {}, 'Encoders tried'),
    table(
      'Encoders tried at boot',
      ['Encoder', 'Acceleration', 'Codec', 'In ffmpeg', 'Test encode', 'Took'],
      rows,
      'The probe has not tried any encoder yet.',
    ),
    h('h2', {}, 'Running now'),
    table(
      'Transcodes running',
      ['Session', 'Stream', 'From segment', 'Process'],
      running,
      'Nothing is transcoding.',
    ),
  );
}
