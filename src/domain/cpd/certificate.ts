// A certificate of attendance: a snapshot of one attended event, issued once per person and event,
// under an id nobody can guess (120 random bits) that anyone holding it can check.
import type { UserId } from '../people/person.js';
import type { Hub } from '../people/hubs.js';

export interface Certificate {
  id: string;
  holderId: UserId;
  holderName: string;
  eventId: string;
  title: string;
  start: Date;
  end: Date;
  hours: number;
  participatory: boolean;
  organiserName: string;
  hub: Hub;
  issuedAt: Date;
}

// Crockford's base 32: no I, L, O or U, so an id read aloud or retyped is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CERTIFICATE_ID = /^VC-[0-9A-HJKMNP-TV-Z]{6}(-[0-9A-HJKMNP-TV-Z]{6}){3}$/;

/** `VC-` and 24 characters of base 32 from 15 random bytes (120 bits), in groups of six. */
export function certificateIdFrom(bytes: Uint8Array): string {
  if (bytes.length !== 15) throw new Error('A certificate id takes 15 random bytes.');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return 'VC-' + out.match(/.{6}/g)!.join('-');
}

/** Case and spaces forgiven (a person may type it from paper); null when it cannot be an id. */
export function readCertificateId(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > 60) return null;
  const id = text.trim().toUpperCase();
  return CERTIFICATE_ID.test(id) ? id : null;
}

export const isCertificateHolder = (c: Pick<Certificate, 'holderId'>, userId: UserId) => c.holderId === userId;
