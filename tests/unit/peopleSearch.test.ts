// People search without storage: reading the query, matching names, and merging sources (the
// people the app knows and, later, Graph's directory) with stubbed ports.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { nameMatches, nameWords, readPeopleQuery, type PeopleSource, type PersonMatch } from '../../src/domain/people/search.js';
import { KnownPeople, PeopleSearch } from '../../src/services/peopleSearch.js';
import { AppError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/domain/people/person.js';

const coordinator: Actor = { id: 'c', name: 'C', guest: false, roles: [{ role: 'coordinator', hubs: ['west-kent'] }] };
const member: Actor = { id: 'm', name: 'M', guest: false, roles: [] };
const source = (items: PersonMatch[]): PeopleSource => ({ find: sinon.stub().resolves(items) });

describe('people search (pure and with stubbed sources)', () => {
  it('reads a query: under two characters is nothing yet; too long is refused', () => {
    assert.equal(readPeopleQuery(undefined), null);
    assert.equal(readPeopleQuery('s'), null);
    assert.equal(readPeopleQuery('a b'), null);
    assert.deepEqual(readPeopleQuery('  Zoë  NG '), ['zoe', 'ng']);
    assert.throws(() => readPeopleQuery('x'.repeat(101)), AppError);
    assert.throws(() => readPeopleQuery(['sam']), AppError);
    assert.deepEqual(nameWords("Zoë O'Neil-Smith"), ['zoe', 'o', 'neil', 'smith']);
    assert.equal(nameMatches('Zoë Ng-Ashworth', ['ash', 'zo']), true);
    assert.equal(nameMatches('Zoë Ng-Ashworth', ['worth']), false);
  });

  it('merges sources: the first source wins for an id, names in order, at most 20', async () => {
    const known = source([{ id: 'A1', name: 'Sam Okafor', guest: false, profession: 'gp' }]);
    const directory = source([
      { id: 'a1', name: 'Samuel Okafor (directory)', guest: false, email: 's@x' },
      ...Array.from({ length: 5 }, (_, i) => ({ id: `d${i}`, name: `Sam Directory ${i}`, guest: false })),
    ]);
    const channels = { list: sinon.stub().resolves([]) };
    const found = await new PeopleSearch({ sources: [known, directory], channels }).search(coordinator, 'sam');
    assert.deepEqual(found.map((p) => p.name), ['Sam Directory 0', 'Sam Directory 1', 'Sam Directory 2', 'Sam Directory 3', 'Sam Directory 4', 'Sam Okafor']);
    assert.deepEqual((known.find as sinon.SinonStub).firstCall.args, [['sam'], { limit: 20, guests: true }]);
    const many = source(Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, name: `Sam Many ${String(i).padStart(2, '0')}`, guest: false })));
    const twenty = await new PeopleSearch({ sources: [many], channels }).search(coordinator, 'sam');
    assert.equal(twenty.length, 20);
    assert.equal(twenty[19].name, 'Sam Many 19');
  });

  it('refuses members (403) before asking any source, and lets channel leads in', async () => {
    const s = source([]);
    const search = new PeopleSearch({ sources: [s], channels: { list: sinon.stub().resolves([{ leadIds: ['lead'] }]) } });
    await assert.rejects(search.search(member, 'sam'), (e: AppError) => e.kind === 'forbidden');
    assert.equal((s.find as sinon.SinonStub).called, false);
    await search.search({ ...member, id: 'lead' }, 'sam');
    assert.deepEqual((s.find as sinon.SinonStub).firstCall.args[1], { limit: 20, guests: false });
  });

  it('checks index hints against the person: renamed, forgotten and guest people drop out', async () => {
    const index = { lookup: sinon.stub().resolves([
      { userId: 'u1', name: 'Sam Okafor', guest: false },
      { userId: 'u2', name: 'Sam Gone', guest: false },
      { userId: 'u3', name: 'Sam Oldname', guest: false },
      { userId: 'u4', name: 'Sam Hidden', guest: false },
    ]) };
    const persons = { get: sinon.stub().callsFake(async (id: string) => ({ u1: { userId: 'u1', name: 'Sam Okafor', guest: false }, u3: { userId: 'u3', name: 'Robin Newname', guest: false }, u4: { userId: 'u4', name: 'Sam Hidden', guest: true } })[id] ?? null) };
    const profiles = { get: sinon.stub().resolves(null) };
    const known = new KnownPeople({ index, persons, profiles });
    assert.deepEqual(await known.find(['sam'], { limit: 20, guests: false }), [{ id: 'u1', name: 'Sam Okafor', guest: false }]);
    assert.deepEqual((await known.find(['sam'], { limit: 20, guests: true })).map((p) => p.id), ['u4', 'u1']);
    assert.equal(index.lookup.firstCall.args[0], 'sam');
  });
});
