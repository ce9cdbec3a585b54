// Admin: scheduled jobs (schedule, last and next run, state, progress), run now, cancel, change the schedule,
// and the recent run history; kept live by the job events.
import { get, type Page, post, put } from '../api.ts';
import { actionButton, adminPage, pill, table, when } from '../components/admin.ts';
import { h } from '../dom.ts';
import { subscribe } from '../events.ts';
import type { RouteContext } from '../router.ts';

interface Run {
  id: string;
  pluginId: string;
  jobId: string;
  trigger: string;
  state: string;
  progress: number;
  note: string | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}
interface Job {
  pluginId: string;
  jobId: string;
  cron: string | null;
  defaultCron: string | null;
  overridden: boolean;
  description: string;
  nextRunAt: string | null;
  running: boolean;
  lastRun: Run | null;
}

function progressOf(r: Run | null): HTMLElement | string {
  if (!r) return 'never run';
  const pct = Math.round(r.progress * 100);
  return h(
    'div.job-state',
    {},
    pill(r.state),
    r.state === 'running'
      ? h('progress', { max: 100, value: pct, 'aria-label': `Progress ${pct}%` })
      : h('span.muted', {}, ` ${when(r.finishedAt ?? r.startedAt)}`),
    r.note ? h('small.muted', {}, r.note) : null,
    r.error ? h('small.error-text', {}, r.error) : null,
  );
}

/** Schedules the server refused, by job: what was typed and why, shown again when the table is redrawn. */
type Rejected = Map<string, { text: string; message: string }>;

function scheduleForm(j: Job, redraw: () => Promise<void>, rejected: Rejected): HTMLElement {
  const name = `${j.pluginId} ${j.jobId}`;
  const refused = rejected.get(name);
  const input = h('input', {
    value: refused?.text ?? j.cron ?? '',
    placeholder: 'manual only',
    'aria-label': `Schedule of ${name} (cron pattern)`,
    spellcheck: 'false',
    autocomplete: 'off',
    size: 14,
  });
  const form = h(
    'form.inline-form',
    {},
    input,
    h('button.ghost', { type: 'submit', 'aria-label': `Save schedule of ${name}` }, 'Save'),
  );
  if (j.overridden) {
    const reset = actionButton(
      'Reset',
      async () => {
        await put(`/v1/jobs/${j.pluginId}/${j.jobId}/schedule`, { cron: null });
        rejected.delete(name);
        await redraw();
      },
      { ghost: true, name: `Reset schedule of ${name} to ${j.defaultCron ?? 'manual only'}`, status: form },
    );
    form.append(reset);
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    form.querySelector('.error')?.remove();
    try {
      await put(`/v1/jobs/${j.pluginId}/${j.jobId}/schedule`, { cron: input.value.trim() || null });
      rejected.delete(name);
      await redraw();
    } catch (err) {
      // Kept for redraws: a job event arriving next would otherwise wipe the message and the typed text.
      rejected.set(name, { text: input.value, message: (err as Error).message });
      form.append(h('p.error', { role: 'alert' }, (err as Error).message));
    }
  });
  if (refused) form.append(h('p.error', { role: 'alert' }, refused.message));
  return form;
}

function jobActions(j: Job, redraw: () => Promise<void>): HTMLElement {
  const name = `${j.pluginId} ${j.jobId}`;
  const cell = h('div.cell-actions');
  cell.append(
    actionButton(
      'Run now',
      async () => {
        await post(`/v1/jobs/${j.pluginId}/${j.jobId}/trigger`);
        await redraw();
      },
      { name: `Run ${name} now` },
    ),
  );
  const run = j.lastRun;
  if (run?.state === 'running') {
    cell.append(
      actionButton(
        'Cancel',
        async () => {
          await post(`/v1/jobs/runs/${run.id}/cancel`);
          await redraw();
        },
        { danger: true, name: `Cancel ${name}` },
      ),
    );
  }
  return cell;
}

export async function adminJobsPage(ctx: RouteContext): Promise<HTMLElement> {
  const jobsBox = h('div');
  const historyBox = h('div');
  const rejected: Rejected = new Map();
  const redraw = async () => {
    const [jobs, runs] = await Promise.all([
      get<Page<Job>>('/v1/jobs'),
      get<Page<Run>>('/v1/jobs/runs?limit=25'),
    ]);
    const jobRows = jobs.items.map((j) => [
      h(
        'span',
        {},
        h('strong', {}, `${j.pluginId} · ${j.jobId}`),
        h('br'),
        h('small.muted', {}, j.description),
      ),
      scheduleForm(j, redraw, rejected),
      when(j.nextRunAt),
      progressOf(j.lastRun),
      jobActions(j, redraw),
    ]);
    jobsBox.replaceChildren(
      table('Jobs', ['Job', 'Schedule', 'Next run', 'Last run', ''], jobRows, 'No jobs are declared.'),
    );
    const runRows = runs.items.map((r) => [
      `${r.pluginId} · ${r.jobId}`,
      r.trigger,
      progressOf(r),
      when(r.startedAt),
      r.finishedAt
        ? `${Math.max(0, Math.round((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000))} s`
        : '—',
    ]);
    historyBox.replaceChildren(
      table('Recent runs', ['Job', 'Trigger', 'State', 'Started', 'Took'], runRows, 'No runs yet.'),
    );
  };
  await redraw();
  let pending: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      // Someone typing a schedule keeps their text; the table refreshes once they leave the field.
      if (document.activeElement?.tagName === 'INPUT' && jobsBox.contains(document.activeElement)) soon();
      else void redraw();
    }, 300);
  };
  const offs = ['core.job.started', 'core.job.progressed', 'core.job.finished'].map((n) =>
    subscribe(n, soon),
  );
  ctx.onLeave(() => {
    clearTimeout(pending);
    for (const off of offs) off();
  });
  return adminPage(
    '/admin/jobs',
    'Jobs',
    h(
      'p.muted',
      {},
      'Schedules are cron patterns (minute hour day month weekday; an optional first field for seconds). ',
      'Empty means the plugin’s own schedule.',
    ),
    jobsBox,
    h('h2', {}, 'Recent runs'),
    historyBox,
  );
}
