// How long one app instance may reuse what it read, per kind of read. Every cache is per instance
// and dropped at once when this instance changes the thing cached; another instance's change is
// seen within the TTL. Benchmarks and tests may turn a cache off by setting its TTL to 0.
export const READ_CACHE_TTL_MS = {
  /** Event index rows behind GET /api/events and the event list cards (identical reads). */
  eventLists: 2_000,
  /** Granted roles (the whole Roles table: a few hundred rows): read on every request. */
  roles: 10_000,
  /** One person's profile (warnings, details on cards). */
  profiles: 10_000,
  /** The channel directory (member counts on the rows). */
  channels: 2_000,
};
