// Stream tokens with a secret made once per installation and kept in the plugin's data folder (mode 0600).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpError } from '@bijou/sdk';
import { signToken, verifyToken } from '../lib/token.ts';

export class StreamTokens {
  private readonly secret: Uint8Array;

  constructor(dataDir: string) {
    const file = join(dataDir, 'stream-token.key');
    if (!existsSync(file)) {
      // wx: two processes racing on first boot must not overwrite each other's secret.
      try {
        writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    chmodSync(file, 0o600);
    this.secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (this.secret.length < 32) throw new Error(`stream token secret in ${file} is too short`);
  }

  sign(sessionId: string, userId: string, ttlSeconds: number): { token: string; expiresAt: string } {
    const exp = Math.floor(Date.now() / 1000) + Math.round(ttlSeconds);
    return {
      token: signToken(this.secret, { sid: sessionId, uid: userId, exp }),
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }

  /** The user id of a token for `sessionId`: 401 without a valid token, 403 for another session's. */
  check(token: string | undefined, sessionId: string): string {
    if (!token) throw new HttpError(401, 'Stream token required (st)');
    const r = verifyToken(this.secret, token, Date.now() / 1000);
    if (!r.ok)
      throw new HttpError(401, r.reason === 'expired' ? 'Stream token expired' : 'Invalid stream token');
    if (r.claims.sid !== sessionId) throw new HttpError(403, 'Stream token is for another session');
    return r.claims.uid;
  }
}
