// Create or edit an event (organisers and coordinators of its hub). Times are UK time; the server
// checks everything again and says what to fix.
import { AppLink } from '../../components/AppLink';
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, Select, Textarea, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { navigate } from '../../router';
import { useApp } from '../../MeContext';
import { ErrorBar, Loading } from '../../components/Status';
import { HUB_NAMES, PROFESSION_NAMES, type Hub } from '../../types';
import { CATEGORY_NAMES, eventsApi, type EventView } from './eventsApi';
import { londonDay, londonLocal, londonTime } from './london';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 }, '& select': { minWidth: 0, width: '100%' } },
  professions: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', border: 'none', padding: 0, margin: 0 },
});

interface State {
  title: string;
  description: string;
  category: string;
  hub: string;
  professions: string[];
  channelId: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  onlineMeetingUrl: string;
  teamsMeeting: boolean;
  capacity: string;
  signupOpens: string;
  signupCloses: string;
  repeat: string;
  repeatCount: string;
}

const fromEvent = (e: EventView): State => ({
  title: e.title,
  description: e.description,
  category: e.category,
  hub: e.hub,
  professions: e.professions,
  channelId: e.channelId ?? '',
  date: londonDay(e.start),
  startTime: londonTime(e.start),
  endTime: londonTime(e.end),
  location: e.location ?? '',
  onlineMeetingUrl: e.onlineMeetingUrl ?? '',
  teamsMeeting: e.teamsMeeting,
  capacity: e.capacity === null ? '' : String(e.capacity),
  signupOpens: londonLocal(e.signupOpens),
  signupCloses: londonLocal(e.signupCloses),
  repeat: 'none',
  repeatCount: '',
});

export function EventForm({ id }: { id?: string }) {
  const styles = useStyles();
  const { me } = useApp();
  const hubs = [...new Set(me.roles.flatMap((r) => r.hubs))] as Hub[];
  const myHubs: Hub[] = hubs.includes('kent-medway') ? (Object.keys(HUB_NAMES) as Hub[]) : hubs;
  const [state, setState] = useState<State | null>(
    id ? null : { title: '', description: '', category: 'plt', hub: myHubs[0] ?? '', professions: [], channelId: '', date: '', startTime: '13:30', endTime: '16:30', location: '', onlineMeetingUrl: '', teamsMeeting: false, capacity: '', signupOpens: '', signupCloses: '', repeat: 'none', repeatCount: '' },
  );
  const [channels, setChannels] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void eventsApi.channels().then(setChannels);
    if (id) eventsApi.get(id).then((e) => setState(fromEvent(e)), setError);
  }, [id]);

  if (!state) return error ? <ErrorBar error={error} title="Could not open this event" /> : <Loading label="Loading the event…" />;
  const set = (changes: Partial<State>) => setState({ ...state, ...changes });

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    setSaving(true);
    const body: Record<string, unknown> = {
      title: state.title,
      description: state.description,
      category: state.category,
      hub: state.hub,
      professions: state.professions,
      channelId: state.channelId,
      start: state.date && state.startTime ? `${state.date}T${state.startTime}` : '',
      end: state.date && state.endTime ? `${state.date}T${state.endTime}` : '',
      location: state.location,
      onlineMeetingUrl: state.onlineMeetingUrl,
      teamsMeeting: state.teamsMeeting,
      capacity: state.capacity.trim() === '' ? null : Number(state.capacity),
      signupOpens: state.signupOpens,
      signupCloses: state.signupCloses,
    };
    if (!id && state.repeat !== 'none') Object.assign(body, { repeat: state.repeat, repeatCount: Number(state.repeatCount) });
    try {
      const saved = id ? await eventsApi.update(id, body) : await eventsApi.create(body);
      navigate(`/tab/calendar/event/${encodeURIComponent(saved.id)}`);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby="form-title">
      <AppLink href={id ? `/tab/calendar/event/${encodeURIComponent(id)}` : '/tab/calendar'}>← Back</AppLink>
      <Title2 block as="h1" id="form-title">
        {id ? 'Edit event' : 'Create a PLT event'}
      </Title2>
      <Field label="Title" required>
        <Input value={state.title} onChange={(_, d) => set({ title: d.value })} maxLength={200} />
      </Field>
      <Field label="Description">
        <Textarea value={state.description} onChange={(_, d) => set({ description: d.value })} maxLength={4000} rows={4} />
      </Field>
      <div className={styles.row}>
        <Field label="Category" required>
          <Select value={state.category} onChange={(_, d) => set({ category: d.value })}>
            {Object.entries(CATEGORY_NAMES).map(([v, n]) => (
              <option key={v} value={v}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Hub" required>
          <Select value={state.hub} onChange={(_, d) => set({ hub: d.value })}>
            {myHubs.map((h) => (
              <option key={h} value={h}>
                {HUB_NAMES[h]}
              </option>
            ))}
          </Select>
        </Field>
        {channels.length > 0 && (
          <Field label="Channel (optional)">
            <Select value={state.channelId} onChange={(_, d) => set({ channelId: d.value })}>
              <option value="">No channel</option>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <fieldset className={styles.professions}>
        <legend>For (leave all unticked for everyone)</legend>
        {Object.entries(PROFESSION_NAMES).map(([v, n]) => (
          <Checkbox
            key={v}
            label={n}
            checked={state.professions.includes(v)}
            onChange={(_, d) => set({ professions: d.checked ? [...state.professions, v] : state.professions.filter((p) => p !== v) })}
          />
        ))}
      </fieldset>
      <div className={styles.row}>
        <Field label="Date" required>
          <Input type="date" value={state.date} onChange={(_, d) => set({ date: d.value })} />
        </Field>
        <Field label="Starts (UK time)" required>
          <Input type="time" value={state.startTime} onChange={(_, d) => set({ startTime: d.value })} />
        </Field>
        <Field label="Ends (UK time)" required>
          <Input type="time" value={state.endTime} onChange={(_, d) => set({ endTime: d.value })} />
        </Field>
      </div>
      <Checkbox
        label="Make it a Teams meeting: the app creates it in your calendar, everyone booked gets the joining link, and attendance is recorded from it"
        checked={state.teamsMeeting}
        onChange={(_, d) => set({ teamsMeeting: !!d.checked })}
      />
      <div className={styles.row}>
        <Field label="Venue (if in person)">
          <Input value={state.location} onChange={(_, d) => set({ location: d.value })} maxLength={300} />
        </Field>
        <Field label={state.teamsMeeting ? 'Online meeting link (filled in by the Teams meeting)' : 'Online meeting link (if online)'}>
          <Input type="url" value={state.onlineMeetingUrl} onChange={(_, d) => set({ onlineMeetingUrl: d.value })} />
        </Field>
        <Field label="Places" hint="Empty for unlimited">
          <Input type="number" min={0} max={5000} value={state.capacity} onChange={(_, d) => set({ capacity: d.value })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Sign-up opens (optional)">
          <Input type="datetime-local" value={state.signupOpens} onChange={(_, d) => set({ signupOpens: d.value })} />
        </Field>
        <Field label="Sign-up closes (optional)" hint="At the start unless set">
          <Input type="datetime-local" value={state.signupCloses} onChange={(_, d) => set({ signupCloses: d.value })} />
        </Field>
      </div>
      {!id && (
        <div className={styles.row}>
          <Field label="Repeat">
            <Select value={state.repeat} onChange={(_, d) => set({ repeat: d.value })}>
              <option value="none">Just once</option>
              <option value="weekly">Weekly</option>
              <option value="monthly">Monthly (same weekday of the month)</option>
            </Select>
          </Field>
          {state.repeat !== 'none' && (
            <Field label="Sessions in the series" required>
              <Input type="number" min={2} max={26} value={state.repeatCount} onChange={(_, d) => set({ repeatCount: d.value })} />
            </Field>
          )}
        </div>
      )}
      {error ? <ErrorBar error={error} title={id ? 'Not saved' : 'Not created'} /> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={saving}>
          {id ? 'Save changes' : 'Create event'}
        </Button>
      </div>
    </form>
  );
}
