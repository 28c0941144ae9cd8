// The in-memory scheduler, on sinon's fake timers: jobs run when due, once; a key moves or
// cancels its job; a failing handler is tried again 30 s later.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { InProcessScheduler } from '../../src/jobs/inProcessScheduler.js';
import { silentLogger } from '../../src/logging.js';

describe('in-process job scheduler', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: new Date('2027-01-15T10:00:00Z') });
  });
  afterEach(() => clock.restore());

  const inMs = (ms: number) => new Date(Date.now() + ms);

  it('runs a job when due, once', async () => {
    const ping = sinon.fake.resolves(undefined);
    const s = new InProcessScheduler({ ping }, silentLogger);
    await s.schedule({ key: 'a', kind: 'ping', dueAt: inMs(20), payload: { n: 1 } });
    await clock.tickAsync(19);
    assert.equal(ping.callCount, 0);
    await clock.tickAsync(1);
    assert.ok(ping.calledOnceWith({ n: 1 }));
    await clock.tickAsync(60_000);
    assert.equal(ping.callCount, 1);
    assert.deepEqual(s.pending(), []);
  });

  it('moves a job scheduled again under the same key, and cancels by key', async () => {
    const ping = sinon.fake.resolves(undefined);
    const s = new InProcessScheduler({ ping }, silentLogger);
    await s.schedule({ key: 'a', kind: 'ping', dueAt: inMs(20), payload: { n: 1 } });
    await s.schedule({ key: 'a', kind: 'ping', dueAt: inMs(40), payload: { n: 2 } });
    await s.schedule({ key: 'b', kind: 'ping', dueAt: inMs(20), payload: { n: 3 } });
    await s.cancel('b');
    await clock.tickAsync(80);
    assert.deepEqual(ping.args.map(([payload]) => payload), [{ n: 2 }]);
    s.stop();
  });

  it('tries a failing job again 30 s later', async () => {
    const ping = sinon.stub().onFirstCall().rejects(new Error('storage down')).resolves(undefined);
    const s = new InProcessScheduler({ ping }, silentLogger);
    await s.schedule({ key: 'a', kind: 'ping', dueAt: inMs(0), payload: {} });
    await clock.tickAsync(1);
    assert.equal(ping.callCount, 1);
    await clock.tickAsync(29_998);
    assert.equal(ping.callCount, 1);
    await clock.tickAsync(2);
    assert.equal(ping.callCount, 2);
    assert.equal(s.ran.length, 1);
  });
});
