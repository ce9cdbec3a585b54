// Random secrets and their stored form: tokens and API keys are kept only as SHA-256 hashes.
import { randomBytes } from 'node:crypto';

/** A URL-safe random secret with `bytes` of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return Bun.SHA256.hash(value, 'hex');
}
