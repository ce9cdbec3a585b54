// JSON-lines logger bound to a source (core or a plugin id); redacts secrets by key name and by registered value.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const levels: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const secretKey = /pass(word)?|secret|token|api[-_]?key|authorization|cookie|pin$/i;
export const MASK = '********';

/** A structured logger; every line is one JSON object. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(source: string): Logger;
}

export interface LogSink {
  write(line: string): void;
}

/** Values (API keys, passwords from plugin configs) that must never appear in a log line. */
export class SecretRegistry {
  private readonly values = new Set<string>();
  add(value: unknown): void {
    if (typeof value === 'string' && value.length >= 4) this.values.add(value);
  }
  scrub(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(MASK);
    return out;
  }
}

function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = secretKey.test(k) && v !== undefined && v !== null && v !== '' ? MASK : redact(v, depth + 1);
  }
  return out;
}

/** Creates a logger writing JSON lines to `sink` (stdout by default). */
export function createLogger(opts: {
  level?: LogLevel;
  source?: string;
  sink?: LogSink;
  secrets?: SecretRegistry;
}): Logger {
  const min = levels[opts.level ?? 'info'];
  const sink = opts.sink ?? { write: (line: string) => process.stdout.write(line) };
  const secrets = opts.secrets ?? new SecretRegistry();
  const make = (source: string): Logger => {
    const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
      if (levels[level] < min) return;
      const rec = { time: new Date().toISOString(), level, source, msg, ...(redact(fields ?? {}) as object) };
      sink.write(`${secrets.scrub(JSON.stringify(rec))}\n`);
    };
    return {
      debug: (m, f) => emit('debug', m, f),
      info: (m, f) => emit('info', m, f),
      warn: (m, f) => emit('warn', m, f),
      error: (m, f) => emit('error', m, f),
      child: (s) => make(s),
    };
  };
  return make(opts.source ?? 'core');
}
