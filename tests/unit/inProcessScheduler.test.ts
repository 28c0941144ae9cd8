import { strict as assert } from 'node:assert';
import { InProcessScheduler } from '../../src/jobs/inProcessScheduler.js';
import { silentLogger } from '../../src/logging.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('in-process job scheduler', () => {
  it('runs a job when due, once', async () => {
    const seen: unknown[] = [];
    const s = new InProcessScheduler({ ping: async (p) => void seen.push(p) }, silentLogger);
    await s.schedule({ key: 'a', kind: 'ping', dueAt: new Date(Date.now() + 20), payload: { n: 1 } });
    await tick(60);
    assert.deepEqual(seen, [{ n: 1 }]);
    assert.deepEqual(s.pending(), []);
  });

  it('moves a job scheduled again under the same key, and cancels by key', async () => {
    const seen: unknown[] = [];
    const s = new InProcessScheduler({ ping: async (p) => void seen.push(p) }, silentLogger);
    await s.schedule({ key: 'a', kind: 'ping', dueAt: new Date(Date.now() + 20), payload: { n: 1 } });
    await s.schedule({ key: 'a', kind: 'ping', dueAt: new Date(Date.now() + 40), payload: { n: 2 } });
    await s.schedule({ key: 'b', kind: 'ping', dueAt: new Date(Date.now() + 20), payload: { n: 3 } });
    await s.cancel('b');
    await tick(80);
    assert.deepEqual(seen, [{ n: 2 }]);
    s.stop();
  });
});
