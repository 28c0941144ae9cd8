import { strict as assert } from 'node:assert';
import { hasRole, hubsWithRole, isAdmin, requireRole } from '../../src/domain/people/authorisation.js';
import type { Actor } from '../../src/domain/people/person.js';

const actor = (roles: Actor['roles']): Actor => ({ id: 'u', name: 'U', guest: false, roles });

describe('authorisation', () => {
  it('a coordinator of a hub may act as its organiser, not another hub’s', () => {
    const a = actor([{ role: 'coordinator', hubs: ['east-kent'] }]);
    assert.ok(hasRole(a, 'organiser', 'east-kent'));
    assert.ok(!hasRole(a, 'organiser', 'west-kent'));
    assert.ok(!hasRole(a, 'coordinator', 'kent-medway'));
    assert.ok(!isAdmin(a));
  });
  it('kent-medway in a grant covers every hub', () => {
    const a = actor([{ role: 'coordinator', hubs: ['kent-medway'] }]);
    assert.ok(hasRole(a, 'coordinator', 'west-kent'));
    assert.ok(isAdmin(a));
    assert.deepEqual(hubsWithRole(a, 'organiser').sort(), ['east-kent', 'kent-medway', 'north-kent', 'west-kent']);
  });
  it('an organiser is not a coordinator', () => {
    const a = actor([{ role: 'organiser', hubs: ['north-kent'] }]);
    assert.throws(() => requireRole(a, 'coordinator', 'north-kent'), /Only hub coordinators/);
  });
  it('a member has no roles', () => {
    assert.throws(() => requireRole(actor([]), 'organiser', undefined, 'create events'), /create events/);
  });
});
