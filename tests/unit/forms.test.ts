// The form redraw (cards/forms.ts): values kept, carried data kept, the reason on the card.
import { strict as assert } from 'node:assert';
import { FORM_MARK, isFormSubmission, markForm, redrawForm } from '../../src/cards/forms.js';
import { profileCard } from '../../src/cards/people/profile.js';
import { cardProblems } from '../helpers/cards.js';

describe('form cards', () => {
  it('marks only the form’s own submit button', () => {
    const card = markForm(profileCard({ profile: null, saveData: { then: { verb: 'channel.join', data: { channelId: 'c' } } } }), 'profile.save');
    const data = (card.actions as { data: Record<string, unknown> }[])[0].data;
    assert.equal(data[FORM_MARK], true);
    assert.ok(isFormSubmission(data));
    assert.ok(!isFormSubmission({ ...data, [FORM_MARK]: 'true' }), 'only the card’s own boolean counts');
  });

  it('redraws with the values, the carried data and the reason, and stays a valid card', () => {
    const first = profileCard({ profile: null, status: 'Saved', saveData: { then: { verb: 'channel.join' } } });
    const submitted = { then: { verb: 'channel.join' }, [FORM_MARK]: true, profession: 'gp', hub: 'east-kent', pcn: '', organisation: 'Lenham Surgery' };
    const card = redrawForm(first, submitted, 'Tell us your Primary Care Network (PCN).', 'pcn');
    const body = card.body as Record<string, unknown>[];
    assert.ok(!body.some((b) => b.text === 'Saved'), 'an earlier status line gives way');
    assert.equal(body.filter((b) => b.id === 'formError').length, 1);
    assert.equal(body.findIndex((b) => b.id === 'formError'), 1, 'under the heading');
    const byId = new Map(body.filter((b) => typeof b.id === 'string').map((b) => [b.id, b]));
    assert.equal(byId.get('profession')?.value, 'gp');
    assert.equal(byId.get('organisation')?.value, 'Lenham Surgery');
    assert.equal(byId.get('pcn')?.errorMessage, 'Tell us your Primary Care Network (PCN).');
    assert.deepEqual((card.actions as { data: unknown }[])[0].data, { then: { verb: 'channel.join' }, [FORM_MARK]: true });
    assert.deepEqual(cardProblems(card), []);
  });
});
