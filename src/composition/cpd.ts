// Wires CPD records and certificates: the certificates table, the PDF renderer, and the CPD
// service reading attendance (events), reflections (feedback) and professions (people).
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { Clock, PersonalDataHolder } from '../domain/ports.js';
import type { EventRepository } from '../domain/events/ports.js';
import type { FeedbackRepository } from '../domain/feedback/ports.js';
import type { Storage } from '../storage/storage.js';
import { TableCertificateRepository } from '../storage/certificateRepository.js';
import { pdfRenderer } from '../documents/pdf.js';
import { CpdService } from '../services/cpd/cpdService.js';
import { cpdDataHolder } from '../services/cpd/personalData.js';
import type { EventsService } from '../services/events/eventsService.js';
import type { PeopleService } from '../services/people.js';

/** What the CPD area offers the edges. */
export interface CpdArea {
  cpd: CpdService;
}

export function composeCpd(d: {
  config: Config;
  clock: Clock;
  logger: Logger;
  storage: Storage;
  events: EventsService;
  eventRepository: EventRepository;
  feedback: FeedbackRepository;
  people: PeopleService;
}): { area: CpdArea; dataHolder: PersonalDataHolder } {
  const certificates = new TableCertificateRepository(d.storage.table('certificates'));
  const cpd = new CpdService({
    config: d.config,
    clock: d.clock,
    logger: d.logger,
    attendance: d.events,
    events: d.eventRepository,
    feedback: d.feedback,
    certificates,
    people: d.people,
    documents: pdfRenderer,
  });
  return { area: { cpd }, dataHolder: cpdDataHolder({ cpd, certificates, logger: d.logger }) };
}
