// CPD records and certificates (interfaces.md, "After the event"): my record in my regulator's
// terms (JSON, CSV or PDF), my certificates as PDFs, and the public check of a certificate (JSON,
// or a page in words when a browser opens the link).
import type { Request, Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { publicRoute, route, type ApiContext } from '../http.js';
import { certificateCheck, cpdRecordJson, type CertificateCheck, type CpdRecordJson } from '../../contracts/cpd.js';
import { cpdCsv } from '../../cards/cpd/csv.js';
import { certificatePage, noCertificatePage } from '../../cards/cpd/verifyPage.js';
import { AppError, invalid } from '../../domain/errors.js';
import { REGULATOR_SHORT } from '../../domain/cpd/regulators.js';

const PDF = 'application/pdf';

function formatOf(ctx: ApiContext): 'json' | 'csv' | 'pdf' {
  const f = ctx.query.format;
  if (f === undefined || f === '' || f === 'json') return 'json';
  if (f === 'csv' || f === 'pdf') return f;
  throw invalid('format must be json, csv or pdf.', { field: 'format' });
}

/** A browser opening the link (HTML first in Accept) gets the page; anything else the JSON. */
const wantsPage = (req: Request) => /^\s*text\/html/i.test(req.header('accept') ?? '');

export function registerCpdRoutes(server: Server, services: Services, auth: Authenticator): void {
  const cpd = services.cpd;

  server.get(
    '/api/me/cpd',
    route(services, auth, async (ctx) => {
      const options = { regulator: ctx.query.regulator, revalidationDate: ctx.query.revalidationDate };
      const format = formatOf(ctx);
      if (format === 'pdf') {
        const { pdf, record } = await cpd.recordPdf(ctx.actor, options);
        return { text: { contentType: PDF, content: pdf, filename: `cpd-record-${REGULATOR_SHORT[record.regulator].toLowerCase()}.pdf` } };
      }
      const record = await cpd.record(ctx.actor, options);
      if (format === 'csv') return { text: { contentType: 'text/csv; charset=utf-8', content: cpdCsv(record), filename: `cpd-record-${REGULATOR_SHORT[record.regulator].toLowerCase()}.csv` } };
      return { body: cpdRecordJson(record) satisfies CpdRecordJson };
    }),
  );

  server.get(
    '/api/me/certificates/:file',
    route(services, auth, async ({ actor, params }) => {
      const m = /^(.+)\.pdf$/i.exec(params.file ?? '');
      const { pdf, certificate } = await cpd.certificatePdf(actor, m ? m[1] : '');
      return { text: { contentType: PDF, content: pdf, filename: `certificate-${certificate.id}.pdf` } };
    }),
  );

  server.get(
    '/api/certificates/:id',
    publicRoute(services, async ({ req, params }) => {
      const page = wantsPage(req);
      try {
        const { certificate, valid } = await cpd.verify(params.id);
        const check = certificateCheck(certificate, valid);
        if (page) return { text: { contentType: 'text/html; charset=utf-8', content: certificatePage(certificate.id, check, certificate.end) } };
        return { body: check satisfies CertificateCheck };
      } catch (e) {
        if (page && e instanceof AppError && e.kind === 'not-found') return { status: 404, text: { contentType: 'text/html; charset=utf-8', content: noCertificatePage() } };
        throw e;
      }
    }),
  );
}
