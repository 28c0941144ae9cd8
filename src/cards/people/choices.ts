// Choosing people in a card: an Input.ChoiceSet whose choices come from the bot as people type
// (Teams' typeahead, `choices.data` of type Data.Query, answered by the `application/search`
// invoke — https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/dynamic-search).
// Nobody types an Entra object id.
import type { PersonMatch } from '../../domain/people/search.js';
import { HUB_NAMES } from '../../domain/people/hubs.js';
import { PROFESSION_NAMES, type Profession } from '../../domain/people/professions.js';

export const PEOPLE_DATASET = 'people';

/** "Sam Okafor — Practice nurse, West Kent" (what the typeahead lists; guests marked). */
export function personChoiceTitle(m: PersonMatch): string {
  const details = [m.profession ? (PROFESSION_NAMES[m.profession as Profession] ?? m.profession) : '', m.hub ? (HUB_NAMES[m.hub] ?? m.hub) : ''].filter(Boolean);
  if (m.guest) details.unshift('guest');
  return details.length ? `${m.name} — ${details.join(', ')}` : m.name;
}

export interface PeopleInputOptions {
  id: string;
  label: string;
  placeholder?: string;
  /** Several people (comma-separated ids in the submitted value). */
  multiple?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
  /** Already chosen: shown as choices so the card keeps them. */
  chosen?: { id: string; name: string }[];
}

/** The people picker of a card: search as you type, dataset `people`. */
export function peopleInput(o: PeopleInputOptions): Record<string, unknown> {
  const chosen = o.chosen ?? [];
  return {
    type: 'Input.ChoiceSet',
    id: o.id,
    label: o.label,
    style: 'filtered',
    isMultiSelect: !!o.multiple,
    placeholder: o.placeholder ?? 'Type a name',
    choices: chosen.map((p) => ({ title: p.name, value: p.id })),
    'choices.data': { type: 'Data.Query', dataset: PEOPLE_DATASET },
    ...(chosen.length ? { value: chosen.map((p) => p.id).join(',') } : {}),
    ...(o.isRequired ? { isRequired: true } : {}),
    ...(o.errorMessage ? { errorMessage: o.errorMessage } : {}),
  };
}
