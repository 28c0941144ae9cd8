// What the CPD area needs from storage: certificates, by id (verification) and by person.
import type { UserId } from '../people/person.js';
import type { Certificate } from './certificate.js';

export interface CertificateRepository {
  /** The person's certificate ids by event (one partition read). */
  idsOf(userId: UserId): Promise<Map<string, string>>;
  /**
   * Issues the certificate for this person and event unless one exists: answers the one that
   * stands (first writer wins when two readers issue at once).
   */
  issue(candidate: Certificate): Promise<Certificate>;
  get(id: string): Promise<Certificate | null>;
  /** "Forget me": every certificate of the person, and its index. */
  eraseUser(userId: UserId): Promise<number>;
}
