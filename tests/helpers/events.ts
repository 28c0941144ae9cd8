// Helpers for the events tests: a clock the test moves, a scheduler that records jobs, and a
// valid event body to vary.
import type { Clock, JobScheduler, ScheduledJob } from '../../src/domain/ports.js';

export class TestClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** Keeps scheduled jobs so tests can look at them and run them by hand. */
export class RecordingScheduler implements JobScheduler {
  readonly jobs = new Map<string, ScheduledJob>();
  readonly cancelled: string[] = [];
  async schedule(job: ScheduledJob): Promise<void> {
    this.jobs.set(job.key, job);
  }
  async cancel(key: string): Promise<void> {
    this.cancelled.push(key);
    this.jobs.delete(key);
  }
}

export function eventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Asthma update for practice nurses',
    description: 'Inhaler technique, MART and the new BTS/NICE/SIGN guideline.',
    category: 'plt',
    hub: 'east-kent',
    professions: ['practice-nurse', 'nurse-associate'],
    start: '2027-02-10T13:30',
    end: '2027-02-10T16:30',
    location: 'Kent & Canterbury Hospital education centre, Canterbury',
    capacity: 20,
    ...overrides,
  };
}
