import { randomUUID } from 'node:crypto';

/** A fresh table prefix so each test (file) starts with empty tables on the shared Azurite. */
export const uniquePrefix = () => 't' + randomUUID().replace(/-/g, '').slice(0, 12);

export const newUserId = () => randomUUID();
