// Tables have no list type: lists are stored as JSON text in a string property. Reading one back
// never throws: unreadable text is an empty list.

/** The strings in a stored JSON array (anything else in it is dropped). */
export function parseStringList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
