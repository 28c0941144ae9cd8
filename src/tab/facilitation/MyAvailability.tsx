// A facilitator's own profile: hubs, formats, skills, weekly availability (UK time), dates away,
// most sessions a month, pause.
import { useEffect, useState } from 'react';
import { Body1, Button, Checkbox, Dropdown, Field, Input, Option, SpinButton, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError, apiFetch } from '../api';
import { useAsync } from '../components/useAsync';
import { ErrorBar, Loading } from '../components/Status';
import { HUB_NAMES, PROFESSIONS, PROFESSION_NAMES, type Hub } from '../types';
import { InlineResult, errorText, type ActionResult } from '../components/InlineResult';
import { DAYS, DAY_NAMES, FORMAT_NAMES, FORMATS, type Facilitator, type Format } from './types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '560px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, border: 'none', padding: 0, margin: 0 },
});

const HUBS = Object.keys(HUB_NAMES) as Hub[];

const rangesFor = (f: Facilitator, day: string) =>
  f.availability
    .filter((a) => a.day === day)
    .map((a) => `${a.from}-${a.to}`)
    .join(', ');

export function MyAvailability() {
  const styles = useStyles();
  const profile = useAsync(async () => {
    try {
      return await apiFetch<Facilitator>('/api/facilitators/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }, []);
  const [hubs, setHubs] = useState<Hub[]>([]);
  const [formats, setFormats] = useState<Format[]>([]);
  // Skills are profession codes (chosen by name) and free-text skills.
  const [professions, setProfessions] = useState<string[]>([]);
  const [skills, setSkills] = useState('');
  const [days, setDays] = useState<Record<string, string>>({});
  const [away, setAway] = useState('');
  const [max, setMax] = useState(4);
  const [paused, setPaused] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  useEffect(() => {
    const f = profile.data;
    if (!f) return;
    setHubs(f.hubs);
    setFormats(f.formats);
    setProfessions(f.skills.filter((x) => x in PROFESSION_NAMES));
    setSkills(f.skills.filter((x) => !(x in PROFESSION_NAMES)).join(', '));
    setDays(Object.fromEntries(DAYS.map((d) => [d, rangesFor(f, d)])));
    setAway(f.away.map((a) => (a.from === a.to ? a.from : `${a.from} to ${a.to}`)).join(', '));
    setMax(f.maxPerMonth);
    setPaused(f.paused);
  }, [profile.data]);

  if (profile.loading && profile.data === undefined) return <Loading />;
  if (profile.error) return <ErrorBar error={profile.error} />;
  if (profile.data === null) return <Body1 as="p">You are not in the facilitator pool. Hub coordinators add facilitators; ask yours if you would like to facilitate group sessions.</Body1>;

  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));
  return (
    <form
      className={styles.form}
      aria-label="My availability"
      onSubmit={async (e) => {
        e.preventDefault();
        setResult(null);
        try {
          const allSkills = [...professions, ...skills.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean)];
          const body = { hubs, formats, skills: allSkills, away, maxPerMonth: max, paused, ...Object.fromEntries(DAYS.map((d) => [`avail_${d}`, days[d] ?? ''])) };
          profile.setData(await apiFetch<Facilitator>('/api/facilitators/me', { method: 'PUT', body }));
          setResult({ intent: 'success', text: paused ? 'Saved. New offers are paused.' : 'Saved.' });
        } catch (err) {
          setResult({ intent: 'error', text: `Not saved. ${errorText(err)}` });
        }
      }}
    >
      <fieldset className={styles.row}>
        <legend>Hubs you facilitate in</legend>
        {HUBS.map((h) => (
          <Checkbox key={h} label={HUB_NAMES[h]} checked={hubs.includes(h)} onChange={(_, d) => setHubs(toggle(hubs, h, !!d.checked))} />
        ))}
      </fieldset>
      <fieldset className={styles.row}>
        <legend>What you offer</legend>
        {FORMATS.map((f) => (
          <Checkbox key={f} label={FORMAT_NAMES[f]} checked={formats.includes(f)} onChange={(_, d) => setFormats(toggle(formats, f, !!d.checked))} />
        ))}
      </fieldset>
      <Field label="Professions you know well">
        <Dropdown multiselect placeholder="Choose professions" selectedOptions={professions} value={professions.map((p) => PROFESSION_NAMES[p]).join(', ')} onOptionSelect={(_, d) => setProfessions(d.selectedOptions)}>
          {PROFESSIONS.map((p) => (
            <Option key={p} value={p}>
              {PROFESSION_NAMES[p]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Other skills" hint="Comma separated, e.g. motivational interviewing, Balint groups">
        <Input value={skills} onChange={(_, d) => setSkills(d.value)} />
      </Field>
      <fieldset className={styles.row} style={{ flexDirection: 'column' }}>
        <legend>When you are usually free (UK time), e.g. 09:00-12:00, 14:00-16:00</legend>
        {DAYS.map((d) => (
          <Field key={d} label={DAY_NAMES[d]}>
            <Input value={days[d] ?? ''} placeholder="Not available" onChange={(_, v) => setDays({ ...days, [d]: v.value })} />
          </Field>
        ))}
      </fieldset>
      <Field label="Dates away" hint="e.g. 2026-08-03 to 2026-08-14, 2026-12-24">
        <Input value={away} onChange={(_, d) => setAway(d.value)} />
      </Field>
      <Field label="Most sessions a month">
        <SpinButton value={max} min={0} max={31} onChange={(_, d) => setMax(Number(d.value ?? d.displayValue ?? max) || 0)} />
      </Field>
      <Switch label="Pause new offers" checked={paused} onChange={(_, d) => setPaused(d.checked)} />
      <div>
        <Button type="submit" appearance="primary">
          Save availability
        </Button>
        <InlineResult result={result} />
      </div>
    </form>
  );
}
