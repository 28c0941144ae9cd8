// What the CPD area holds about a person: their certificates. "Forget me" deletes them, so an
// erased person's certificates stop verifying (404: nothing is kept to say whose they were).
import type { PersonalDataHolder } from '../../domain/ports.js';
import type { CertificateRepository } from '../../domain/cpd/ports.js';
import type { Logger } from '../../logging.js';
import { toLondonIso } from '../../domain/time/london.js';
import type { CpdService } from './cpdService.js';

export function cpdDataHolder(d: { cpd: Pick<CpdService, 'certificatesOf' | 'verificationUrl'>; certificates: Pick<CertificateRepository, 'eraseUser'>; logger: Logger }): PersonalDataHolder {
  return {
    area: 'cpd',
    async export(userId) {
      const certificates = await d.cpd.certificatesOf(userId);
      return {
        certificates: certificates.map((c) => ({
          certificateId: c.id,
          eventId: c.eventId,
          title: c.title,
          date: toLondonIso(c.start),
          hours: c.hours,
          participatory: c.participatory,
          holderName: c.holderName,
          issuedAt: toLondonIso(c.issuedAt),
          verificationUrl: d.cpd.verificationUrl(c.id),
        })),
      };
    },
    async erase(userId) {
      const n = await d.certificates.eraseUser(userId);
      d.logger.info({ certificates: n }, 'certificates erased');
    },
  };
}
