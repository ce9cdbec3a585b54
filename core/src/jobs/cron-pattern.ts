// Whether a string is a schedule croner accepts: the one check behind the job scheduler and the `cron` string
// format plugin settings declare (`t.String({ format: 'cron' })`, where empty means no schedule).
import { FormatRegistry } from '@sinclair/typebox';
import { Cron } from 'croner';

/** Why croner rejects `pattern`, or null when it is a valid schedule. */
export function cronProblem(pattern: string): string | null {
  try {
    new Cron(pattern, { paused: true }).stop();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** What a setting of the `cron` format may hold, in the words of a 422. */
export const CRON_FORMAT_MESSAGE =
  "Expected a cron pattern of five to seven space-separated fields (e.g. '0 */6 * * *'), or empty for none";

/** Registers the `cron` string format (idempotent): a croner pattern, or blank for no schedule. */
export function registerCronFormat(): void {
  if (!FormatRegistry.Has('cron'))
    FormatRegistry.Set('cron', (v) => v.trim() === '' || cronProblem(v) === null);
}
