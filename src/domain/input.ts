// Untrusted structured input (card action data, API bodies): copied into fresh plain objects with
// prototype-polluting keys dropped, bounded in size and depth.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type PlainObject = Record<string, unknown>;

/** A sanitised copy of `raw` if it is a JSON object within `maxChars`, else null. */
export function plainObject(raw: unknown, maxChars = 64_000): PlainObject | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  let size: number;
  try {
    size = JSON.stringify(raw).length;
  } catch {
    return null;
  }
  if (size > maxChars) return null;
  return sanitise(raw) as PlainObject;
}

function sanitise(value: unknown, depth = 0): unknown {
  if (depth > 8) return undefined;
  if (Array.isArray(value)) return value.slice(0, 1000).map((v) => sanitise(v, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const out: PlainObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (!FORBIDDEN_KEYS.has(k)) out[k] = sanitise(v, depth + 1);
    }
    return out;
  }
  return value;
}
