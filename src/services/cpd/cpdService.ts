// A person's CPD record in their regulator's terms (entries from the events they attended, with
// their reflection from feedback and a certificate each; periods against the regulator's target),
// as JSON, CSV or a PDF to hand to a confirmer or appraiser; certificates as PDFs for their
// holder, and a public check that a certificate is real.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Config } from '../../config.js';
import type { Logger } from '../../logging.js';
import type { Clock } from '../../domain/ports.js';
import type { Actor, UserId } from '../../domain/people/person.js';
import type { PltEvent, Category } from '../../domain/events/event.js';
import { PARTICIPATORY } from '../../domain/events/event.js';
import type { StoredRegistration } from '../../domain/events/seats.js';
import type { EventRepository } from '../../domain/events/ports.js';
import type { FeedbackRepository } from '../../domain/feedback/ports.js';
import type { CertificateRepository } from '../../domain/cpd/ports.js';
import type { DocumentRenderer } from '../../domain/documents.js';
import { buildCpdRecord, hoursBetween, type AttendedEvent, type CpdRecord } from '../../domain/cpd/record.js';
import { certificateIdFrom, readCertificateId, type Certificate } from '../../domain/cpd/certificate.js';
import { parseRegulator, regulatorFor, REGULATORS, type Regulator } from '../../domain/cpd/regulators.js';
import { PROFESSION_NAMES } from '../../domain/people/professions.js';
import { forbidden, invalid, notFound } from '../../domain/errors.js';
import { LONDON } from '../../domain/time/london.js';
import { runLimited } from '../../domain/async.js';
import { certificateDocument, cpdRecordDocument } from '../../cards/cpd/documents.js';
import type { PeopleService } from '../people.js';

export interface CpdDeps {
  config: Pick<Config, 'publicUrl'>;
  clock: Clock;
  logger: Logger;
  /** The events a person attended, with their registration (the events service). */
  attendance: { attendedBy(userId: UserId): Promise<{ event: PltEvent; registration: StoredRegistration }[]> };
  /** Whether a certificate's holder is still recorded as attending. */
  events: Pick<EventRepository, 'get' | 'registration'>;
  feedback: Pick<FeedbackRepository, 'get'>;
  certificates: CertificateRepository;
  people: Pick<PeopleService, 'getProfile'>;
  documents: DocumentRenderer;
}

export interface CpdOptions {
  regulator?: unknown;
  /** The last day of the current period (their revalidation or renewal date), YYYY-MM-DD; default today. */
  revalidationDate?: unknown;
}

export const newCertificateId = () => certificateIdFrom(randomBytes(15));

export class CpdService {
  constructor(private readonly d: CpdDeps) {}

  verificationUrl(certificateId: string): string {
    return `${this.d.config.publicUrl}/api/certificates/${certificateId}`;
  }

  /** The regulator asked for, or the one the person's profession answers to. */
  async regulatorOf(actor: Actor, asked?: unknown): Promise<Regulator> {
    if (asked !== undefined && asked !== '') {
      const r = parseRegulator(asked);
      if (!r) throw invalid(`regulator must be one of ${REGULATORS.join(', ')}.`, { field: 'regulator' });
      return r;
    }
    return regulatorFor((await this.d.people.getProfile(actor.id))?.profession);
  }

  private periodEnd(value: unknown): Date {
    if (value === undefined || value === '') return this.d.clock.now();
    const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? DateTime.fromISO(value.trim(), { zone: LONDON }) : null;
    if (!day?.isValid) throw invalid('The revalidation date (revalidationDate) must be a date such as 2027-03-31.', { field: 'revalidationDate' });
    return day.toJSDate();
  }

  async record(actor: Actor, options: CpdOptions = {}): Promise<CpdRecord> {
    const regulator = await this.regulatorOf(actor, options.regulator);
    const end = this.periodEnd(options.revalidationDate);
    const attended = await this.d.attendance.attendedBy(actor.id);
    const certificates = await this.certificatesFor(actor, attended.map((a) => a.event));
    const items = await runLimited(attended, 8, async ({ event: e, registration: r }): Promise<AttendedEvent> => {
      const answer = await this.d.feedback.get(e.id, actor.id);
      return {
        eventId: e.id,
        title: e.title,
        category: e.category as Category,
        start: e.start,
        end: e.end,
        organiserName: e.organiserName || 'Organiser not recorded',
        participatory: PARTICIPATORY.includes(e.category),
        signedUpAt: r.joinedAt,
        ...(answer?.practice ? { reflection: answer.practice } : {}),
        ...(answer?.codeTheme ? { codeTheme: answer.codeTheme } : {}),
        certificateId: certificates.get(e.id)!.id,
      };
    });
    return buildCpdRecord(regulator, items, end);
  }

  /** The person's certificate for each event, issued now where there is none yet. */
  private async certificatesFor(actor: Actor, events: PltEvent[]): Promise<Map<string, { id: string }>> {
    const known = await this.d.certificates.idsOf(actor.id);
    const out = new Map<string, { id: string }>();
    const now = this.d.clock.now();
    await runLimited(events, 4, async (e) => {
      const id = known.get(e.id);
      if (id) return void out.set(e.id, { id });
      const issued = await this.d.certificates.issue({
        id: newCertificateId(),
        holderId: actor.id,
        holderName: actor.name,
        eventId: e.id,
        title: e.title,
        start: e.start,
        end: e.end,
        hours: hoursBetween(e.start, e.end),
        participatory: PARTICIPATORY.includes(e.category),
        organiserName: e.organiserName,
        hub: e.hub,
        issuedAt: now,
      });
      out.set(e.id, issued);
    });
    return out;
  }

  /** The record as a PDF: the person, their regulator's periods and every entry with its reflection. */
  async recordPdf(actor: Actor, options: CpdOptions = {}): Promise<{ pdf: Uint8Array; record: CpdRecord }> {
    const record = await this.record(actor, options);
    const profile = await this.d.people.getProfile(actor.id);
    const doc = cpdRecordDocument(record, {
      name: actor.name,
      profession: profile ? PROFESSION_NAMES[profile.profession] : undefined,
      generatedAt: this.d.clock.now(),
      verificationUrl: (id) => this.verificationUrl(id),
    });
    return { pdf: await this.d.documents.pdf(doc), record };
  }

  /** A certificate is still good while its holder is recorded as attending an event that went ahead. */
  private async stillValid(c: Certificate): Promise<boolean> {
    const [s, reg] = await Promise.all([this.d.events.get(c.eventId), this.d.events.registration(c.eventId, c.holderId)]);
    return !!s && s.event.status === 'scheduled' && !!reg?.attended;
  }

  /** GET /api/certificates/{id}: anyone holding the id may check it; unknown (or erased) → 404. */
  async verify(certificateId: unknown): Promise<{ certificate: Certificate; valid: boolean }> {
    const id = readCertificateId(certificateId);
    const c = id ? await this.d.certificates.get(id) : null;
    if (!c) throw notFound('No certificate with that id.');
    return { certificate: c, valid: await this.stillValid(c) };
  }

  /** The certificate as a PDF, for its holder only. */
  async certificatePdf(actor: Actor, certificateId: unknown): Promise<{ pdf: Uint8Array; certificate: Certificate }> {
    const { certificate: c, valid } = await this.verify(certificateId);
    if (c.holderId !== actor.id) throw forbidden('Only the person it was issued to can download this certificate. Anyone can check it is real at its verification link.');
    if (!valid) throw notFound('This certificate is no longer valid: the organiser no longer records you as attending, or the event was cancelled.');
    const pdf = await this.d.documents.pdf(certificateDocument(c, { verificationUrl: this.verificationUrl(c.id) }));
    return { pdf, certificate: c };
  }

  async certificatesOf(userId: UserId): Promise<Certificate[]> {
    const ids = [...(await this.d.certificates.idsOf(userId)).values()];
    return (await runLimited(ids, 8, (id) => this.d.certificates.get(id))).filter((c): c is Certificate => !!c);
  }
}
