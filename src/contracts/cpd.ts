// A person's CPD record and certificates as the API and tab see them (interfaces.md, "After the
// event"). Times are ISO 8601 with the London offset. Imports domain only; the tab imports these
// type-only.
import type { CpdRecord } from '../domain/cpd/record.js';
import type { Certificate } from '../domain/cpd/certificate.js';
import type { CpdTarget } from '../domain/cpd/regulators.js';
import { toLondonIso } from '../domain/time/london.js';

export interface CpdEntryJson {
  eventId: string;
  title: string;
  /** When the event started (London time). */
  date: string;
  hours: number;
  participatory: boolean;
  /** The CPD method in the regulator's own terms (HCPC: its kind of activity). */
  method: string;
  category: string;
  organiser: string;
  /** "How will you use this in your practice?", from the person's feedback. */
  reflection?: string;
  codeTheme?: string;
  /** Signed up 7 or more days ahead. */
  planned: boolean;
  certificateId: string;
}

export interface CpdPeriodJson {
  from: string;
  to: string;
  totalHours: number;
  participatoryHours: number;
  entries: number;
  plannedEntries: number;
  target: CpdTarget;
  met: boolean;
}

/** GET /api/me/cpd */
export interface CpdRecordJson {
  regulator: string;
  entries: CpdEntryJson[];
  periods: CpdPeriodJson[];
}

export function cpdRecordJson(r: CpdRecord): CpdRecordJson {
  return {
    regulator: r.regulator,
    entries: r.entries.map((e) => ({
      eventId: e.eventId,
      title: e.title,
      date: toLondonIso(e.start),
      hours: e.hours,
      participatory: e.participatory,
      method: e.method,
      category: e.category,
      organiser: e.organiser,
      ...(e.reflection ? { reflection: e.reflection } : {}),
      ...(e.codeTheme ? { codeTheme: e.codeTheme } : {}),
      planned: e.planned,
      certificateId: e.certificateId,
    })),
    periods: r.periods.map((p) => ({
      from: toLondonIso(p.from),
      to: toLondonIso(p.to),
      totalHours: p.totalHours,
      participatoryHours: p.participatoryHours,
      entries: p.entries,
      plannedEntries: p.plannedEntries,
      target: p.target,
      met: p.met,
    })),
  };
}

/** GET /api/certificates/{certificateId} (no sign-in): enough to confirm a certificate is real. */
export interface CertificateCheck {
  /** False once the organiser no longer records the holder as attending, or the event was cancelled. */
  valid: boolean;
  holderName: string;
  title: string;
  date: string;
  hours: number;
}

export const certificateCheck = (c: Certificate, valid: boolean): CertificateCheck => ({ valid, holderName: c.holderName, title: c.title, date: toLondonIso(c.start), hours: c.hours });
