// The official Adaptive Card 1.5 schema check (tests/helpers/cards.ts), which the root hook runs on
// every card any test sees: it must catch what the schema forbids, name where, and pass good cards.
// And the one place cards are rendered keeps typed inputs typed, so no form can fail it.
import { strict as assert } from 'node:assert';
import { schemaProblems } from '../helpers/cards.js';
import { card, conformInputs } from '../../src/cards/render.js';
import { eventFormCard } from '../../src/cards/events/form.js';
import { eventView } from '../../src/contracts/events.js';
import { EMPTY_SEATS, type PltEvent } from '../../src/domain/events/event.js';
import { NO_MEETING } from '../../src/domain/events/meeting.js';

const now = new Date('2027-01-15T10:00:00Z');
const event: PltEvent = {
  id: 'e1',
  title: 'Asthma update',
  description: '',
  category: 'plt',
  hub: 'east-kent',
  professions: [],
  start: new Date('2027-02-01T10:00:00Z'),
  end: new Date('2027-02-01T12:00:00Z'),
  location: 'Canterbury',
  capacity: 12,
  organiserId: 'o',
  organiserName: 'Olu',
  status: 'scheduled',
  sequence: 0,
  teamsMeeting: false,
  meeting: NO_MEETING,
  createdAt: now,
  updatedAt: now,
};

describe('cards against the official Adaptive Card 1.5 schema', () => {
  it('passes a good card and names where and what is wrong in a bad one', () => {
    const good = { type: 'AdaptiveCard', version: '1.5', fallbackText: 'x', body: [{ type: 'TextBlock', text: 'Hi', wrap: true }, { type: 'Input.Number', id: 'n', value: 3 }], actions: [{ type: 'Action.Execute', verb: 'v', data: { type: 'anything', x: [1] } }] };
    assert.deepEqual(schemaProblems(good), []);
    const bad = {
      ...good,
      body: [
        { type: 'Container', items: [{ type: 'Input.Number', id: 'capacity', value: '' }] },
        { type: 'TextBlock', text: 'Hi', colour: 'Good' },
        { type: 'Marquee', text: 'no such thing' },
      ],
    };
    assert.deepEqual(schemaProblems(bad), [
      'schema: /body/0/items/0/value (Input.Number) must be number',
      'schema: /body/1 (TextBlock) has "colour", which TextBlock does not allow',
      'schema: /body/2 "Marquee" is not a kind of element or action in Adaptive Cards 1.5',
    ]);
  });

  it('keeps Input.Number values numbers (empty = none) and toggles text, wherever a card is made', () => {
    const fixed = conformInputs({ body: [{ type: 'Input.Number', value: '', min: '0', max: ' 50 ' }, { type: 'Input.Number', value: 'lots' }, { type: 'Input.Toggle', value: true }] });
    assert.deepEqual(fixed.body, [{ type: 'Input.Number', min: 0, max: 50 }, { type: 'Input.Number' }, { type: 'Input.Toggle', value: 'true' }]);
    assert.deepEqual(card([{ type: 'Input.Number', id: 'x', value: '7' }], [], 'x').body, [{ type: 'Input.Number', id: 'x', value: 7 }]);
  });

  it('the create-event and edit-event forms pass the schema (capacity empty, and a number)', () => {
    const create = eventFormCard({ hubs: ['east-kent'], channels: [] });
    const edit = eventFormCard({ hubs: ['east-kent'], channels: [], event: eventView(event, EMPTY_SEATS, { status: 'none', position: null }, now, true) });
    for (const form of [create, edit]) assert.deepEqual(schemaProblems(form), []);
    const capacity = (c: object) => JSON.stringify(c).match(/\{"type":"Input.Number","id":"capacity"[^}]*\}/)?.[0];
    assert.doesNotMatch(capacity(create) ?? '', /"value"/);
    assert.match(capacity(edit) ?? '', /"value":12[,}]/);
  });
});
