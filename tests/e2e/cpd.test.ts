// CPD records in each regulator's terms and certificates, over the tab API: entries with method,
// participatory, reflection, Code theme, planned and certificate id; the regulator from the
// profession and switchable; CSV and a PDF record read back as text; certificate PDFs for their
// holder only; the public check (JSON, a page for browsers), which stops confirming a certificate
// once the organiser no longer records its holder as attending.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { newUserId } from '../helpers/ids.js';
import { RecordingNotifier } from '../helpers/recordingNotifier.js';
import { RecordingScheduler, TestClock, eventBody } from '../helpers/events.js';
import { getBytes, pdfInfo, pdfText } from '../helpers/pdf.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, cardText } from '../helpers/botClient.js';
import { CERTIFICATE_ID } from '../../src/domain/cpd/certificate.js';

describe('CPD records and certificates', function () {
  this.timeout(60_000);
  let app: TestApp;
  let connector: FakeConnector;
  const notifier = new RecordingNotifier();
  const clock = new TestClock(new Date('2027-01-15T10:00:00Z'));
  const organiser = newUserId();
  const nurse = { id: newUserId(), name: 'Zoë Ångström-Núñez' };
  const pharmacist = { id: newUserId(), name: 'Priya Pharmacist' };
  const paramedic = { id: newUserId(), name: 'Pádraig Paramedic' };
  const ids: Record<string, string> = {};

  const as = (p: { id: string; name: string }) => ({ user: p.id, name: p.name });
  const profile = (p: { id: string; name: string }, profession: string) => api(app, '/api/me/profile', { method: 'PUT', ...as(p), body: { profession, hub: 'east-kent', pcn: 'Canterbury PCN', organisation: 'Canterbury Health Centre' } });

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp({}, { notifier: () => notifier, scheduler: () => new RecordingScheduler(), clock });
    await app.services.roles.set(organiser, [{ role: 'organiser', hubs: ['east-kent'] }]);
    assert.equal((await profile(nurse, 'practice-nurse')).status, 200);
    assert.equal((await profile(pharmacist, 'clinical-pharmacist')).status, 200);
    assert.equal((await profile(paramedic, 'paramedic')).status, 200);
    const create = async (key: string, body: Record<string, unknown>) => {
      const res = await api(app, '/api/events', { method: 'POST', user: organiser, name: 'Olu Organiser', body: eventBody(body) });
      assert.equal(res.status, 201, res.text);
      ids[key] = res.body.id;
    };
    // Booked on 15 Jan: the PLT day is 26 days ahead (planned); the webinar and the CoP session 5 days ahead (not).
    await create('plt', { title: 'Asthma update', category: 'plt', start: '2027-02-10T13:30', end: '2027-02-10T16:30' });
    await create('webinar', { title: 'Menopause webinar', category: 'webinar', start: '2027-01-20T12:30', end: '2027-01-20T13:30', location: undefined, onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/x' });
    await create('cop', { title: 'Practice nurse peer group', category: 'cop-session', start: '2027-01-20T14:00', end: '2027-01-20T16:00' });
    for (const key of ['plt', 'webinar', 'cop']) for (const p of [nurse, pharmacist, paramedic]) assert.equal((await api(app, `/api/events/${ids[key]}/registrations`, { method: 'POST', ...as(p) })).status, 201);
    clock.set('2027-02-10T17:00:00Z');
    for (const key of ['plt', 'webinar', 'cop']) assert.equal((await api(app, `/api/events/${ids[key]}/attendance`, { method: 'PUT', user: organiser, body: { attended: [nurse.id, pharmacist.id, paramedic.id] } })).status, 200);
    await api(app, `/api/events/${ids.plt}/feedback`, { method: 'POST', ...as(nurse), body: { rating: 5, practice: 'I will check inhaler technique at every asthma review.', codeTheme: 'practise-effectively' } });
  });
  after(async () => {
    clock.set('2027-01-15T10:00:00Z');
    await app?.close();
    await connector?.close();
  });

  it('answers the contract’s record for a nurse: NMC, entries with method, reflection, planned and a certificate', async () => {
    const res = await api(app, '/api/me/cpd', as(nurse));
    assert.equal(res.status, 200, res.text);
    const r = res.body;
    assert.deepEqual(Object.keys(r).sort(), ['entries', 'periods', 'regulator']);
    assert.equal(r.regulator, 'nmc');
    assert.deepEqual(r.entries.map((e: { title: string }) => e.title), ['Asthma update', 'Practice nurse peer group', 'Menopause webinar']);
    const [plt, cop, webinar] = r.entries;
    assert.deepEqual(Object.keys(plt).sort(), ['category', 'certificateId', 'codeTheme', 'date', 'eventId', 'hours', 'method', 'organiser', 'participatory', 'planned', 'reflection', 'title']);
    assert.deepEqual(
      [plt.eventId, plt.date, plt.hours, plt.participatory, plt.method, plt.category, plt.organiser, plt.planned, plt.reflection, plt.codeTheme],
      [ids.plt, '2027-02-10T13:30:00+00:00', 3, true, 'Course attendance (Protected Learning Time)', 'plt', 'Olu Organiser', true, 'I will check inhaler technique at every asthma review.', 'practise-effectively'],
    );
    assert.deepEqual([cop.participatory, cop.planned, cop.hours, 'reflection' in cop], [true, false, 2, false]);
    assert.deepEqual([webinar.participatory, webinar.planned, webinar.method], [false, false, 'Online learning: live webinar']);
    for (const e of r.entries) assert.match(e.certificateId, CERTIFICATE_ID);
    assert.equal(new Set(r.entries.map((e: { certificateId: string }) => e.certificateId)).size, 3);
    const [p] = r.periods;
    assert.deepEqual(Object.keys(p).sort(), ['entries', 'from', 'met', 'participatoryHours', 'plannedEntries', 'target', 'to', 'totalHours']);
    assert.deepEqual([p.from, p.totalHours, p.participatoryHours, p.entries, p.plannedEntries, p.met], ['2024-02-11T00:00:00+00:00', 6, 5, 3, 1, false]);
    assert.deepEqual(p.target, { totalHours: 35, participatoryHours: 20 });
    // The same certificates every time.
    assert.deepEqual((await api(app, '/api/me/cpd', as(nurse))).body.entries.map((e: { certificateId: string }) => e.certificateId), r.entries.map((e: { certificateId: string }) => e.certificateId));
  });

  it('chooses GPhC for a pharmacist and HCPC for a paramedic, and switches on request', async () => {
    const gphc = (await api(app, '/api/me/cpd', as(pharmacist))).body;
    assert.equal(gphc.regulator, 'gphc');
    assert.deepEqual(gphc.periods[0].target, { entries: 4, plannedEntries: 2 });
    assert.deepEqual([gphc.periods[0].entries, gphc.periods[0].plannedEntries, gphc.periods[0].met], [3, 1, false]);
    assert.equal(gphc.periods[0].from, '2026-02-11T00:00:00+00:00', 'a year');
    const hcpc = (await api(app, '/api/me/cpd', as(paramedic))).body;
    assert.equal(hcpc.regulator, 'hcpc');
    assert.deepEqual([hcpc.periods[0].target, hcpc.periods[0].met], [{ kinds: 2 }, true]);
    assert.deepEqual(hcpc.entries.map((e: { method: string }) => e.method), ['Formal and educational', 'Work-based learning', 'Formal and educational']);
    assert.equal((await api(app, '/api/me/cpd?regulator=hcpc', as(nurse))).body.regulator, 'hcpc');
    const bad = await api(app, '/api/me/cpd?regulator=gmc', as(nurse));
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /regulator/);
    const date = await api(app, '/api/me/cpd?revalidationDate=2027-01-31', as(nurse));
    assert.deepEqual([date.body.periods[0].to, date.body.periods[0].entries], ['2027-01-31T23:59:59.999+00:00', 2]);
    assert.equal((await api(app, '/api/me/cpd?revalidationDate=31/01/2027', as(nurse))).status, 400);
    assert.equal((await api(app, '/api/me/cpd?format=xml', as(nurse))).status, 400);
  });

  it('exports the record as CSV and as a PDF to hand to a confirmer, names with accents intact', async () => {
    const csv = await api(app, '/api/me/cpd?format=csv', as(nurse));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(csv.text, /Asthma update/);
    assert.match(csv.text, /I will check inhaler technique/);
    assert.match(csv.text, /VC-[0-9A-Z-]{27}/);
    assert.match(csv.text, /35 hours of CPD in three years/);

    const pdf = await getBytes(app, '/api/me/cpd?format=pdf', nurse.id, { 'x-dev-name': encodeURIComponent(nurse.name) });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.type, 'application/pdf');
    assert.match(pdf.disposition, /cpd-record-nmc\.pdf/);
    assert.equal(Buffer.from(pdf.bytes.slice(0, 5)).toString(), '%PDF-');
    const text = await pdfText(pdf.bytes);
    for (const expected of ['Continuing professional development record', 'Zoë Ångström-Núñez', 'Practice nurse', 'Nursing and Midwifery Council (NMC)', 'Asthma update', 'Menopause webinar', 'I will check inhaler technique', 'Practise effectively', 'Olu Organiser', '6 of 35 hours']) {
      assert.ok(text.replace(/\s+/g, ' ').includes(expected), `the PDF says “${expected}”:\n${text}`);
    }
    const info = await pdfInfo(pdf.bytes);
    assert.match(info.Title, /CPD record: Zoë Ångström-Núñez/);
  });

  it('gives the holder a certificate PDF with everything a confirmer checks; nobody else', async () => {
    const entry = (await api(app, '/api/me/cpd', as(nurse))).body.entries[0];
    const pdf = await getBytes(app, `/api/me/certificates/${entry.certificateId}.pdf`, nurse.id);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.type, 'application/pdf');
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
    for (const expected of ['Certificate of attendance', 'Zoë Ångström-Núñez', 'Asthma update', 'Wed 10 Feb 2027, 13:30–16:30', '3 hours', 'Participatory learning Yes', 'Olu Organiser', 'East Kent', entry.certificateId, `${app.url}/api/certificates/${entry.certificateId}`]) {
      assert.ok(text.includes(expected), `the certificate says “${expected}”:\n${text}`);
    }
    assert.equal((await getBytes(app, `/api/me/certificates/${entry.certificateId}.pdf`, pharmacist.id)).status, 403);
    assert.equal((await getBytes(app, `/api/me/certificates/${entry.certificateId}.pdf`)).status, 401);
    assert.equal((await getBytes(app, '/api/me/certificates/VC-000000-000000-000000-000000.pdf', nurse.id)).status, 404);
    assert.equal((await getBytes(app, `/api/me/certificates/${entry.certificateId}`, nurse.id)).status, 404);
  });

  it('confirms a certificate to anyone holding its id, with no sign-in; unknown ids are 404', async () => {
    const entry = (await api(app, '/api/me/cpd', as(nurse))).body.entries[0];
    const res = await api(app, `/api/certificates/${entry.certificateId}`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { valid: true, holderName: 'Zoë Ångström-Núñez', title: 'Asthma update', date: '2027-02-10T13:30:00+00:00', hours: 3 });
    assert.equal((await api(app, `/api/certificates/${entry.certificateId.toLowerCase()}`)).body.valid, true, 'typed in lower case');
    assert.equal((await api(app, '/api/certificates/VC-000000-000000-000000-000000')).status, 404);
    assert.equal((await api(app, '/api/certificates/not-an-id')).status, 404);
    const page = await api(app, `/api/certificates/${entry.certificateId}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.text, /This certificate is valid/);
    assert.match(page.text, /Zoë Ångström-Núñez/);
    const none = await api(app, '/api/certificates/nope', { headers: { accept: 'text/html' } });
    assert.equal(none.status, 404);
    assert.match(none.text, /no certificate/i);
  });

  it('stops confirming once the organiser no longer records the holder as attending', async () => {
    const entries = (await api(app, '/api/me/cpd', as(pharmacist))).body.entries;
    const cop = entries.find((e: { eventId: string }) => e.eventId === ids.cop);
    assert.equal((await api(app, `/api/events/${ids.cop}/attendance`, { method: 'PUT', user: organiser, body: { attended: [nurse.id, paramedic.id] } })).status, 200);
    assert.deepEqual((await api(app, `/api/certificates/${cop.certificateId}`)).body.valid, false);
    assert.equal((await getBytes(app, `/api/me/certificates/${cop.certificateId}.pdf`, pharmacist.id)).status, 404);
    assert.ok(!(await api(app, '/api/me/cpd', as(pharmacist))).body.entries.some((e: { eventId: string }) => e.eventId === ids.cop), 'and it leaves their record');
    // Marked again: the same certificate is good again.
    assert.equal((await api(app, `/api/events/${ids.cop}/attendance`, { method: 'PUT', user: organiser, body: { attended: [nurse.id, paramedic.id, pharmacist.id] } })).status, 200);
    assert.equal((await api(app, `/api/certificates/${cop.certificateId}`)).body.valid, true);
  });

  it('issues one certificate per person and event, however many first reads race', async () => {
    const late = { id: newUserId(), name: 'Lou Latecomer' };
    clock.set('2027-01-15T10:00:00Z');
    const made = await api(app, '/api/events', { method: 'POST', user: organiser, name: 'Olu Organiser', body: eventBody({ title: 'Race day', start: '2027-02-12T10:00', end: '2027-02-12T11:00' }) });
    await api(app, `/api/events/${made.body.id}/registrations`, { method: 'POST', ...as(late) });
    clock.set('2027-02-12T12:00:00Z');
    await api(app, `/api/events/${made.body.id}/attendance`, { method: 'PUT', user: organiser, body: { attended: [late.id] } });
    const reads = await Promise.all(Array.from({ length: 6 }, () => api(app, '/api/me/cpd', as(late))));
    const seen = new Set(reads.map((r) => r.body.entries[0].certificateId));
    assert.equal(seen.size, 1, `one id: ${[...seen]}`);
    assert.equal((await api(app, `/api/certificates/${[...seen][0]}`)).body.holderName, 'Lou Latecomer');
    clock.set('2027-02-10T17:00:00Z');
  });

  it('shows the record in chat (“my cpd”) in the person’s regulator’s terms', async () => {
    const bot = new BotClient(app.url, connector);
    const since = connector.sent.length;
    await bot.message({ id: pharmacist.id, name: pharmacist.name }, 'my cpd');
    const [card] = bot.cardsTo({ id: pharmacist.id, name: pharmacist.name }, 'personal', since);
    const text = cardText(card);
    assert.match(text, /My CPD record \(GPhC\)/);
    assert.match(text, /of 4, 1 of 2 planned/);
    assert.match(text, /certificate VC-/);
  });
});
