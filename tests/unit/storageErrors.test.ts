// The storage edge turns outages into the domain's "unavailable" error (with the Azure error as its
// cause) and lets every other answer through unchanged, for calls, listings and their pages — so
// no edge needs to know about Azure errors.
import { strict as assert } from 'node:assert';
import { RestError, odata } from '@azure/data-tables';
import { AppError, MESSAGES } from '../../src/domain/errors.js';
import { outagesAsDomainErrors } from '../../src/storage/errors.js';
import { Storage } from '../../src/storage/storage.js';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });

function isUnavailable(e: unknown): boolean {
  return e instanceof AppError && e.kind === 'unavailable' && e.message === MESSAGES.storageUnavailable && e.cause !== undefined;
}

async function* failingPages(error: unknown) {
  yield 1;
  throw error;
}

describe('storage edge: outages become the domain error', () => {
  const client = outagesAsDomainErrors({
    ok: async () => 42,
    unreachable: async () => Promise.reject(new RestError('socket hang up')),
    struggling: async () => Promise.reject(new RestError('busy', { statusCode: 503 })),
    conflict: async () => Promise.reject(new RestError('exists', { statusCode: 409 })),
    preconditionFailed: async () => Promise.reject(new RestError('etag', { statusCode: 412 })),
    throwsAtOnce: () => {
      throw refused;
    },
    list: () => Object.assign(failingPages(refused), { byPage: () => failingPages(new RestError('busy', { statusCode: 500 })) }),
    sync: () => 'plain',
  });

  it('passes answers and sync results through', async () => {
    assert.equal(await client.ok(), 42);
    assert.equal(client.sync(), 'plain');
  });

  it('turns unreachable and struggling storage into "unavailable", keeping the cause', async () => {
    for (const call of [client.unreachable, client.struggling]) {
      await assert.rejects(call(), (e) => isUnavailable(e));
    }
    assert.throws(() => client.throwsAtOnce(), (e) => isUnavailable(e) && (e as Error).cause === refused);
  });

  it('lets conflicts and failed preconditions through for the repositories to read', async () => {
    await assert.rejects(client.conflict(), (e) => e instanceof RestError && e.statusCode === 409);
    await assert.rejects(client.preconditionFailed(), (e) => e instanceof RestError && e.statusCode === 412);
  });

  it('guards every page of a listing, iterated either way', async () => {
    const seen: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const x of client.list()) seen.push(x);
      })(),
      (e) => isUnavailable(e),
    );
    assert.deepEqual(seen, [1]);
    await assert.rejects(
      (async () => {
        for await (const page of client.list().byPage()) seen.push(page);
      })(),
      (e) => isUnavailable(e),
    );
  });

  it('is what Storage hands out: a real table client on a dead port fails as "unavailable"', async function () {
    this.timeout(20_000);
    const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
    const dead = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;`;
    const storage = new Storage({ connectionString: dead }, 'edge');
    await assert.rejects(storage.table('meta').getEntity('p', 'r'), (e) => isUnavailable(e));
    const listing = storage.table('meta').listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'p'}` } });
    await assert.rejects((async () => { for await (const _ of listing) void _; })(), (e) => isUnavailable(e));
    await assert.rejects(storage.queue('jobs').peekMessages(), (e) => isUnavailable(e));
  });
});
