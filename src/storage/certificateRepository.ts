// Certificates on Azure Tables, table `Certificates`:
//   c|{certificateId}  cert       the certificate (verification is one point read)
//   p|{userId}         {eventId}  the person's certificate for that event: the claim that makes
//                                 issuing once-only (written first; first writer wins)
import { odata, type TableClient } from '@azure/data-tables';
import type { CertificateRepository } from '../domain/cpd/ports.js';
import type { Certificate } from '../domain/cpd/certificate.js';
import type { Hub } from '../domain/people/hubs.js';
import { deleteIfPresent, getOrNull, insertIfAbsent, listAll } from './etag.js';
import { decodeKey, encodeKey } from './keys.js';

const certPk = (id: string) => `c|${id}`;
const personPk = (userId: string) => `p|${encodeKey(userId)}`;
const CERT = 'cert';

interface CertificateEntity {
  holderId: string;
  holderName: string;
  eventId: string;
  title: string;
  start: Date;
  end: Date;
  hours: number;
  participatory: boolean;
  organiserName: string;
  hub: string;
  issuedAt: Date;
}

const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

function toCertificate(id: string, e: CertificateEntity): Certificate {
  return {
    id,
    holderId: e.holderId,
    holderName: e.holderName ?? '',
    eventId: e.eventId,
    title: e.title ?? '',
    start: date(e.start),
    end: date(e.end),
    hours: Number(e.hours) || 0,
    participatory: !!e.participatory,
    organiserName: e.organiserName ?? '',
    hub: e.hub as Hub,
    issuedAt: date(e.issuedAt),
  };
}

function toEntity(c: Certificate): CertificateEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: certPk(c.id),
    rowKey: CERT,
    holderId: c.holderId,
    holderName: c.holderName,
    eventId: c.eventId,
    title: c.title,
    start: c.start,
    end: c.end,
    hours: c.hours,
    participatory: c.participatory,
    organiserName: c.organiserName,
    hub: c.hub,
    issuedAt: c.issuedAt,
  };
}

export class TableCertificateRepository implements CertificateRepository {
  constructor(private readonly table: TableClient) {}

  async idsOf(userId: string): Promise<Map<string, string>> {
    const rows = await listAll(this.table.listEntities<{ eventId: string; certificateId: string }>({ queryOptions: { filter: odata`PartitionKey eq ${personPk(userId)}` } }));
    return new Map(rows.map((r) => [r.eventId ?? decodeKey(String(r.rowKey)), r.certificateId]));
  }

  async issue(candidate: Certificate): Promise<Certificate> {
    const claim = { partitionKey: personPk(candidate.holderId), rowKey: encodeKey(candidate.eventId), eventId: candidate.eventId, certificateId: candidate.id };
    let id = candidate.id;
    if (!(await insertIfAbsent(this.table, claim))) {
      const existing = await getOrNull<{ certificateId: string }>(this.table, claim.partitionKey, claim.rowKey);
      if (existing?.certificateId) id = existing.certificateId;
    }
    // The claim names the id; the certificate row follows (a crash in between is repaired here next time).
    const current = await this.get(id);
    if (current) return current;
    const cert = { ...candidate, id };
    if (!(await insertIfAbsent(this.table, toEntity(cert)))) return (await this.get(id)) ?? cert;
    return cert;
  }

  async get(id: string): Promise<Certificate | null> {
    const row = await getOrNull<CertificateEntity>(this.table, certPk(id), CERT);
    return row ? toCertificate(id, row) : null;
  }

  async eraseUser(userId: string): Promise<number> {
    const rows = await listAll(this.table.listEntities<{ eventId: string; certificateId: string }>({ queryOptions: { filter: odata`PartitionKey eq ${personPk(userId)}` } }));
    for (const r of rows) {
      // The certificate first: an index row left behind still finds it if this stops halfway.
      if (r.certificateId) await deleteIfPresent(this.table, certPk(r.certificateId), CERT);
      await deleteIfPresent(this.table, personPk(userId), String(r.rowKey));
    }
    return rows.length;
  }
}
