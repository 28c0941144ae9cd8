import { strict as assert } from 'node:assert';
import { cleanMessageText, matchCommand, type Command } from '../../src/teams/commandRouter.js';

const cmd = (name: string, aliases: string[] = []): Command => ({ name, aliases, usage: name, summary: '', group: 'Everyone', run: async () => undefined });
const commands = [cmd('help', ['hi']), cmd('channels'), cmd('my channels'), cmd('join'), cmd('my events'), cmd('events'), cmd('forget me'), cmd('my data')];

describe('command router', () => {
  it('ignores case, extra spaces and the @mention', () => {
    const m = matchCommand(commands, '<at>Virtual Café</at>   HeLP  ');
    assert.equal(m.kind, 'command');
    assert.equal(m.kind === 'command' && m.command.name, 'help');
  });

  it('prefers the longest command and keeps the arguments’ case', () => {
    const m = matchCommand(commands, 'My   Channels');
    assert.equal(m.kind === 'command' && m.command.name, 'my channels');
    const j = matchCommand(commands, 'join  Practice   Nursing');
    assert.equal(j.kind === 'command' && j.command.name, 'join');
    assert.equal(j.kind === 'command' && j.args, 'Practice Nursing');
  });

  it('does not match a command that is only a prefix of a word', () => {
    const m = matchCommand(commands, 'joined');
    assert.equal(m.kind, 'unknown');
  });

  it('suggests the nearest command for a typo', () => {
    const m = matchCommand(commands, 'chanels');
    assert.equal(m.kind, 'unknown');
    assert.equal(m.kind === 'unknown' && m.suggestion?.name, 'channels');
    const e = matchCommand(commands, 'my evnts please');
    assert.equal(e.kind === 'unknown' && e.suggestion?.name, 'my events');
  });

  it('suggests nothing for unrelated text', () => {
    const m = matchCommand(commands, 'what is the weather like in Margate');
    assert.equal(m.kind === 'unknown' && m.suggestion, undefined);
  });

  it('matches aliases and trailing punctuation', () => {
    const m = matchCommand(commands, 'Hi!');
    assert.equal(m.kind === 'command' && m.command.name, 'help');
  });

  it('cleans Teams HTML and entities', () => {
    assert.equal(cleanMessageText('<p><at>Bot</at>&nbsp;join&nbsp;<b>CEF</b></p>'), 'join CEF');
  });
});
