// Checks an incoming activity has the fields the pipeline relies on, so malformed or hostile bodies
// get a 400 instead of failing deep inside the SDK.
const MAX_TEXT = 20_000;

export type ShapeResult = { ok: true; activity: Record<string, unknown> } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortString = (v: unknown, max = 1024): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

export function checkActivityShape(body: unknown): ShapeResult {
  if (!isObject(body)) return { ok: false, message: 'The body must be a Bot Framework activity (a JSON object).' };
  if (!isShortString(body.type, 100)) return { ok: false, message: 'The activity needs a "type".' };
  if (!isObject(body.conversation) || !isShortString(body.conversation.id)) return { ok: false, message: 'The activity needs "conversation.id".' };
  if (!isObject(body.from) || !isShortString(body.from.id)) return { ok: false, message: 'The activity needs "from.id".' };
  if (body.from.aadObjectId !== undefined && !isShortString(body.from.aadObjectId, 128)) return { ok: false, message: '"from.aadObjectId" must be a short string.' };
  if (body.from.name !== undefined && typeof body.from.name !== 'string') return { ok: false, message: '"from.name" must be a string.' };
  if (!isShortString(body.serviceUrl, 2048) || !/^https?:\/\/[^\s]+$/i.test(body.serviceUrl)) return { ok: false, message: 'The activity needs an http(s) "serviceUrl".' };
  if (body.recipient !== undefined && !isObject(body.recipient)) return { ok: false, message: '"recipient" must be an object.' };
  if (body.text !== undefined && (typeof body.text !== 'string' || body.text.length > MAX_TEXT)) return { ok: false, message: `"text" must be a string of at most ${MAX_TEXT} characters.` };
  if (body.channelData !== undefined && !isObject(body.channelData)) return { ok: false, message: '"channelData" must be an object.' };
  if (body.entities !== undefined && !Array.isArray(body.entities)) return { ok: false, message: '"entities" must be an array.' };
  if (body.name !== undefined && typeof body.name !== 'string') return { ok: false, message: '"name" must be a string.' };
  if (body.membersAdded !== undefined && !Array.isArray(body.membersAdded)) return { ok: false, message: '"membersAdded" must be an array.' };
  if (body.membersRemoved !== undefined && !Array.isArray(body.membersRemoved)) return { ok: false, message: '"membersRemoved" must be an array.' };
  if (Array.isArray(body.membersAdded) && !body.membersAdded.every((m) => isObject(m) && isShortString(m.id))) return { ok: false, message: '"membersAdded" entries need an "id".' };
  // Replies are addressed from the recipient; supply one when a client leaves it out.
  const activity = body.recipient === undefined ? { ...body, recipient: { id: 'virtual-cafe-bot', role: 'bot' } } : body;
  return { ok: true, activity };
}
