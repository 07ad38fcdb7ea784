// Sealing one text with a person's key: AES-256-GCM, a fresh 12-byte nonce per text, the person's id as
// associated data (a seal moved to another person's field does not open). Stored as base64(nonce | tag | text).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Sealed } from './fields.js';

export function seal(key: Buffer, personId: string, text: string): Sealed {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(personId));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return { $pii: personId, ct: Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64') };
}

/** The text of a seal; throws when the key is not the one it was sealed with, or the seal was altered. */
export function open(key: Buffer, sealed: Sealed): string {
  const raw = Buffer.from(sealed.ct, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(sealed.$pii));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
