// Azure Tables forbids / \ # ? and control characters in PartitionKey and RowKey. Anything that
// comes from outside (conversation ids, names) is encoded before it becomes a key.
export function encodeKey(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export function decodeKey(key: string): string {
  return decodeURIComponent(key);
}

/** Row keys that sort in reverse time order (newest first) for "latest" queries. */
export function reverseTimeKey(date: Date): string {
  return String(8_640_000_000_000_000 - date.getTime()).padStart(16, '0');
}

/** Fixed-width number so keys sort numerically. */
export const padNumber = (n: number, width = 10) => String(n).padStart(width, '0');
