// The words of the printed documents: a certificate of attendance, and the CPD record a person
// hands to their revalidation confirmer or appraiser (rendered to PDF at the edge, src/documents/).
import type { PrintBlock, PrintDocument } from '../../domain/documents.js';
import type { Certificate } from '../../domain/cpd/certificate.js';
import type { CpdRecord } from '../../domain/cpd/record.js';
import { REGULATOR_NAMES } from '../../domain/cpd/regulators.js';
import { HUB_NAMES } from '../../domain/people/hubs.js';
import { formatLondonDate, formatLondonRange } from '../../domain/time/london.js';
import { cpdWords, periodDates, periodProgress } from './words.js';

const APP = 'Virtual Café · Kent & Medway primary care training hubs';
const hoursText = (h: number) => `${h} ${h === 1 ? 'hour' : 'hours'}`;

export function certificateDocument(c: Certificate, o: { verificationUrl: string }): PrintDocument {
  return {
    title: `Certificate of attendance: ${c.title}`,
    author: APP,
    subject: `Certificate ${c.id}`,
    framed: true,
    landscape: true,
    blocks: [
      { kind: 'paragraph', text: 'Kent & Medway primary care training hubs', subtle: true },
      { kind: 'title', text: 'Certificate of attendance' },
      { kind: 'paragraph', text: 'This is to certify that', subtle: true },
      { kind: 'heading', text: c.holderName || 'The holder' },
      { kind: 'paragraph', text: 'attended', subtle: true },
      { kind: 'heading', text: c.title },
      { kind: 'space' },
      {
        kind: 'facts',
        facts: [
          { label: 'Date', value: formatLondonRange(c.start, c.end) },
          { label: 'Hours', value: hoursText(c.hours) },
          { label: 'Participatory learning', value: c.participatory ? 'Yes — learning with others' : 'No' },
          { label: 'Organiser', value: c.organiserName || 'Not recorded' },
          { label: 'Training hub', value: HUB_NAMES[c.hub] ?? c.hub },
          { label: 'Certificate id', value: c.id },
          { label: 'Issued', value: formatLondonDate(c.issuedAt) },
        ],
      },
      { kind: 'space' },
      { kind: 'paragraph', text: `Check this certificate is real: ${o.verificationUrl}` },
    ],
    footer: APP,
  };
}

export interface RecordPerson {
  name: string;
  profession?: string;
  generatedAt: Date;
  verificationUrl: (certificateId: string) => string;
}

export function cpdRecordDocument(r: CpdRecord, p: RecordPerson): PrintDocument {
  const blocks: PrintBlock[] = [
    { kind: 'title', text: 'Continuing professional development record' },
    {
      kind: 'facts',
      facts: [
        { label: 'Name', value: p.name },
        ...(p.profession ? [{ label: 'Profession', value: p.profession }] : []),
        { label: 'Regulator', value: REGULATOR_NAMES[r.regulator] },
        { label: 'What it asks', value: cpdWords.target(r.regulator) },
        { label: 'Record made', value: formatLondonDate(p.generatedAt) },
      ],
    },
    { kind: 'heading', text: `${cpdWords.periodName(r.regulator)}s` },
    {
      kind: 'table',
      columns: [
        { header: 'Period', weight: 3 },
        { header: 'Hours', weight: 1 },
        { header: 'Participatory', weight: 1.3 },
        { header: 'Entries (planned)', weight: 1.4 },
        { header: 'Against the target', weight: 4 },
      ],
      rows: r.periods.map((x) => [periodDates(x), String(x.totalHours), String(x.participatoryHours), `${x.entries} (${x.plannedEntries})`, periodProgress(r.regulator, x)]),
    },
    { kind: 'heading', text: 'Learning activities' },
  ];
  if (!r.entries.length) blocks.push({ kind: 'paragraph', text: cpdWords.none });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Date', weight: 1.5 },
        { header: 'Activity', weight: 2.8 },
        { header: 'Method', weight: 2.3 },
        { header: 'Hours', weight: 0.85 },
        { header: 'Participatory', weight: 1.5 },
        { header: 'Planned', weight: 1.05 },
        { header: 'Organiser', weight: 1.7 },
        { header: 'Certificate id', weight: 3.7 },
      ],
      rows: r.entries.map((e) => [formatLondonDate(e.start), e.title, e.method, String(e.hours), cpdWords.yesNo(e.participatory), cpdWords.yesNo(e.planned), e.organiser, e.certificateId]),
    });
  const reflected = r.entries.filter((e) => e.reflection);
  if (reflected.length) {
    blocks.push({ kind: 'heading', text: 'Reflections: how I will use this in my practice' });
    for (const e of reflected) {
      blocks.push({ kind: 'paragraph', text: `${formatLondonDate(e.start)} · ${e.title}${e.codeTheme ? ` · NMC Code: ${cpdWords.theme(e.codeTheme)}` : ''}`, subtle: true });
      blocks.push({ kind: 'paragraph', text: e.reflection! });
    }
  }
  blocks.push({ kind: 'space' });
  blocks.push({
    kind: 'paragraph',
    subtle: true,
    text: `Each activity's certificate can be checked by its id at ${r.entries.length ? p.verificationUrl(r.entries[0].certificateId).replace(/[^/]+$/, '{certificate id}') : p.verificationUrl('{certificate id}')}. Attendance is as recorded by the event's organiser or by Microsoft Teams.`,
  });
  return { title: `CPD record: ${p.name}`, author: APP, subject: `CPD record (${REGULATOR_NAMES[r.regulator]})`, landscape: true, blocks, footer: `${p.name} · CPD record · ${APP}` };
}
