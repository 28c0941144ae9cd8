// Choose people by name (GET /api/people): type two letters or more, pick from the list; chosen
// people show as tags that a click or Backspace removes. Nobody types an Entra object id.
import { useEffect, useRef, useState } from 'react';
import { Avatar, Field, Tag, TagPicker, TagPickerControl, TagPickerGroup, TagPickerInput, TagPickerList, TagPickerOption, type TagPickerProps } from '@fluentui/react-components';
import type { PeopleAnswer, PersonJson } from '../../contracts/people';
import { apiFetch, qs } from '../api';
import { hubShortName, professionName } from './names';

/** A person as GET /api/people answers them. */
export type PickedPerson = PersonJson;

export interface PeoplePickerProps {
  label: string;
  hint?: string;
  /** People already chosen (with their names: the picker never shows an id). */
  selected: readonly PickedPerson[];
  onChange(people: PickedPerson[]): void;
  /** One person only (roles, adding a facilitator): choosing another replaces them. */
  single?: boolean;
  required?: boolean;
  disabled?: boolean;
  /** Leave these people out of the suggestions (e.g. already in the pool). */
  exclude?: readonly string[];
}

const NO_OPTION = '__nobody__';

/** "Practice nurse · West Kent" — enough to tell two people with the same name apart. */
export const personDetails = (p: PickedPerson) => [p.profession ? professionName(p.profession) : '', p.hub ? hubShortName(p.hub) : '', p.guest ? 'Guest' : ''].filter(Boolean).join(' · ');

type Found = { state: 'idle' | 'short' | 'searching' } | { state: 'done'; people: PickedPerson[] } | { state: 'error'; message: string };

export function PeoplePicker({ label, hint, selected, onChange, single, required, disabled, exclude = [] }: PeoplePickerProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  // Remembers everyone seen, so a chosen person keeps their name and details.
  const known = useRef(new Map<string, PickedPerson>());
  selected.forEach((p) => known.current.set(p.id, p));

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setFound({ state: q ? 'short' : 'idle' });
      return;
    }
    setFound({ state: 'searching' });
    let live = true;
    const t = setTimeout(() => {
      apiFetch<PeopleAnswer>(`/api/people${qs({ q })}`)
        .then((r) => {
          r.items.forEach((p) => known.current.set(p.id, p));
          if (live) setFound({ state: 'done', people: r.items });
        })
        .catch((e: unknown) => live && setFound({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query]);

  const chosen = new Set(selected.map((p) => p.id));
  const onOptionSelect: TagPickerProps['onOptionSelect'] = (_, data) => {
    if (data.value === NO_OPTION) return;
    const ids = single ? data.selectedOptions.filter((id) => id === data.value) : data.selectedOptions;
    onChange(ids.map((id) => known.current.get(id)).filter((p): p is PickedPerson => !!p));
    setQuery('');
  };

  const options = found.state === 'done' ? found.people.filter((p) => !chosen.has(p.id) && !exclude.includes(p.id)) : [];
  const message =
    found.state === 'idle' || found.state === 'short'
      ? 'Type at least 2 letters of a name'
      : found.state === 'searching'
        ? 'Searching…'
        : found.state === 'error'
          ? `Could not search: ${found.message}`
          : options.length === 0
            ? `Nobody found for “${query.trim()}”. People appear here once they have used the Virtual Café.`
            : '';

  return (
    // Required is shown and announced, not enforced by the browser: the text box is empty once
    // someone is chosen (they show as tags), so native validation would block the form.
    <Field label={{ children: label, required }} hint={hint}>
      <TagPicker onOptionSelect={onOptionSelect} selectedOptions={selected.map((p) => p.id)} disabled={disabled}>
        {/* A search field: the list answers what is typed, so no "open" chevron (an extra button whose
            name Fluent fills in only after mount, and which would open a list that only says "type"). */}
        <TagPickerControl expandIcon={null}>
          <TagPickerGroup aria-label={`Chosen: ${label}`}>
            {selected.map((p) => (
              <Tag key={p.id} value={p.id} shape="rounded" media={<Avatar aria-hidden name={p.name} color="colorful" />} secondaryText={personDetails(p) || undefined}>
                {p.name}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput aria-label={label} aria-required={required || undefined} value={query} onChange={(e) => setQuery(e.target.value)} placeholder={selected.length && single ? '' : 'Type a name'} />
        </TagPickerControl>
        <TagPickerList>
          {message ? (
            <TagPickerOption value={NO_OPTION} text={message}>
              {message}
            </TagPickerOption>
          ) : (
            options.map((p) => (
              <TagPickerOption key={p.id} value={p.id} text={p.name} media={<Avatar aria-hidden name={p.name} color="colorful" />} secondaryContent={personDetails(p) || undefined}>
                {p.name}
              </TagPickerOption>
            ))
          )}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
