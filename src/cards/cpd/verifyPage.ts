// The page a person sees when they open a certificate's verification link in a browser (the same
// answer as the JSON, in words). Every value is escaped.
import type { CertificateCheck } from '../../contracts/cpd.js';
import { formatLondonRange } from '../../domain/time/london.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>` +
  `<style>body{font-family:system-ui,'Segoe UI',sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424;background:#fff}` +
  `@media (prefers-color-scheme:dark){body{color:#fff;background:#1f1f1f}}.valid{color:#0e700e}.invalid{color:#b10e1c}@media (prefers-color-scheme:dark){.valid{color:#54b054}.invalid{color:#f1707b}}dt{font-weight:600}dd{margin:0 0 .5rem}</style></head>` +
  `<body><main>${body}</main></body></html>`;

export function certificatePage(id: string, check: CertificateCheck, end: Date): string {
  const status = check.valid
    ? `<p class="valid"><strong>This certificate is valid.</strong></p>`
    : `<p class="invalid"><strong>This certificate is no longer valid.</strong> The organiser no longer records its holder as attending, or the event was cancelled.</p>`;
  return page(
    'Certificate check',
    `<h1>Certificate of attendance</h1>${status}<dl>` +
      `<dt>Certificate id</dt><dd>${escape(id)}</dd>` +
      `<dt>Holder</dt><dd>${escape(check.holderName)}</dd>` +
      `<dt>Event</dt><dd>${escape(check.title)}</dd>` +
      `<dt>Date</dt><dd>${escape(formatLondonRange(new Date(check.date), end))}</dd>` +
      `<dt>Hours</dt><dd>${check.hours}</dd></dl>` +
      `<p>Issued by the Virtual Café of the Kent &amp; Medway primary care training hubs.</p>`,
  );
}

export function noCertificatePage(): string {
  return page('Certificate check', `<h1>Certificate check</h1><p class="invalid"><strong>There is no certificate with this id.</strong> Check the id was copied in full.</p>`);
}
