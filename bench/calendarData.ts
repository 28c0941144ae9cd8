// The calendar the read benchmarks use, made over the API like any organiser would: 60 events, one
// a day over the next 60 days at 13:30 London, 20 seats each; every third event has bookings (one
// is full), and a reader who is booked on three and waiting on one.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { LONDON } from '../src/domain/time/london.js';
import { api } from '../tests/helpers/testApp.js';

export const CALENDAR_EVENTS = 60;

export interface Calendar {
  ids: string[];
  reader: { user: string; name: string };
  day0: DateTime;
}

export async function seedCalendar(app: { url: string }, admin: { user: string; name: string }): Promise<Calendar> {
  const day0 = DateTime.now().setZone(LONDON).startOf('day');
  const ids: string[] = [];
  for (let i = 0; i < CALENDAR_EVENTS; i++) {
    const start = day0.plus({ days: i + 1, hours: 13, minutes: 30 });
    const res = await api(app, '/api/events', {
      method: 'POST',
      ...admin,
      body: {
        title: `PLT afternoon ${i + 1}`,
        description: 'Clinical update and peer discussion for the practice team.',
        category: i % 5 ? 'plt' : 'webinar',
        hub: ['east-kent', 'west-kent', 'north-kent'][i % 3],
        professions: ['practice-nurse'],
        start: start.toISO(),
        end: start.plus({ hours: 3 }).toISO(),
        location: 'Canterbury',
        capacity: 20,
      },
    });
    if (res.status !== 201) throw new Error(`create event: ${res.status} ${res.text.slice(0, 200)}`);
    ids.push(res.body.id);
  }
  const reader = { user: randomUUID(), name: 'Bench Reader' };
  for (let i = 0; i < CALENDAR_EVENTS; i += 3) {
    const people = i === 9 ? 20 : (i * 7) % 15; // event 10 is full, so the reader waits on it
    await Promise.all(Array.from({ length: people }, () => api(app, `/api/events/${ids[i]}/registrations`, { method: 'POST', user: randomUUID(), name: 'Bench Person' })));
  }
  for (const i of [0, 3, 9, 30]) await api(app, `/api/events/${ids[i]}/registrations`, { method: 'POST', ...reader });
  return { ids, reader, day0 };
}
