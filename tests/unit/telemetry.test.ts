// What Application Insights may see of a URL: no query strings, no private calendar-feed tokens.
import { strict as assert } from 'node:assert';
import { redactUrl, redactUrlPath } from '../../src/telemetry/redact.js';
import { RedactingSpanProcessor } from '../../src/telemetry/appInsights.js';

describe('telemetry redaction', () => {
  it('drops query strings and fragments', () => {
    assert.equal(redactUrlPath('/api/channels?q=asthma%20nurses'), '/api/channels');
    assert.equal(redactUrlPath('/tab/calendar?devUser=abc#x'), '/tab/calendar');
    assert.equal(redactUrlPath('?only=query'), '/');
  });

  it('replaces a private feed token, keeps hub feeds and other routes', () => {
    assert.equal(redactUrlPath('/api/calendar/Zm9vYmFyYmF6.ics'), '/api/calendar/{token}.ics');
    assert.equal(redactUrlPath('/API/Calendar/abc.ICS?x=1'), '/api/calendar/{token}.ics');
    assert.equal(redactUrlPath('/api/calendar/hub/east-kent.ics'), '/api/calendar/hub/east-kent.ics');
    assert.equal(redactUrlPath('/api/events/123/registrations'), '/api/events/123/registrations');
  });

  it('keeps scheme and host of a full URL', () => {
    assert.equal(redactUrl('https://cafe.example.org/api/calendar/secret.ics?t=1'), 'https://cafe.example.org/api/calendar/{token}.ics');
    assert.equal(redactUrl('http://127.0.0.1:3978/api/health'), 'http://127.0.0.1:3978/api/health');
    assert.equal(redactUrlPath('https://cafe.example.org'), '/');
  });

  it('rewrites the URL attributes of a starting span', () => {
    const attributes: Record<string, unknown> = {
      'url.path': '/api/calendar/secret.ics',
      'url.query': 'x=secret',
      'url.full': 'https://h/api/calendar/secret.ics?x=secret',
      'http.target': '/api/channels?q=x',
      'http.method': 'GET',
    };
    const span = { attributes, setAttribute: (k: string, v: string) => (attributes[k] = v) };
    new RedactingSpanProcessor().onStart(span);
    assert.deepEqual(attributes, {
      'url.path': '/api/calendar/{token}.ics',
      'url.query': '',
      'url.full': 'https://h/api/calendar/{token}.ics',
      'http.target': '/api/channels',
      'http.method': 'GET',
    });
    assert.ok(!JSON.stringify(attributes).includes('secret'));
  });
});
