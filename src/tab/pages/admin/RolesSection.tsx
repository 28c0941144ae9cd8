// Coordinators grant organiser/coordinator roles for their hubs (PUT /api/users/{id}/roles).
import { useState } from 'react';
import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { HUB_NAMES, type Hub, type RoleGrant } from '../../types';
import { ErrorBar, Notice } from '../../components/Status';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '520px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

const HUBS = Object.keys(HUB_NAMES) as Hub[];

export function RolesSection() {
  const styles = useStyles();
  const [userId, setUserId] = useState('');
  const [roles, setRoles] = useState<RoleGrant['role'][]>([]);
  const [hubs, setHubs] = useState<Hub[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));

  return (
    <form
      className={styles.form}
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        setSaved('');
        try {
          await apiFetch(`/api/users/${encodeURIComponent(userId.trim())}/roles`, { method: 'PUT', body: { roles, hubs } });
          setSaved(roles.length ? `Saved: ${roles.join(' and ')} for ${hubs.map((h) => HUB_NAMES[h]).join(', ')}.` : 'Roles removed.');
        } catch (err) {
          setError(err);
        }
      }}
    >
      <Field label="Person's Entra object id" required hint="From their profile in Teams admin, or ask them to type 'my data' to the bot.">
        <Input value={userId} onChange={(_, d) => setUserId(d.value)} />
      </Field>
      <fieldset className={styles.row}>
        <legend>Roles</legend>
        <Checkbox label="Organiser" checked={roles.includes('organiser')} onChange={(_, d) => setRoles(toggle(roles, 'organiser', !!d.checked))} />
        <Checkbox label="Coordinator" checked={roles.includes('coordinator')} onChange={(_, d) => setRoles(toggle(roles, 'coordinator', !!d.checked))} />
      </fieldset>
      <fieldset className={styles.row}>
        <legend>Hubs</legend>
        {HUBS.map((h) => (
          <Checkbox key={h} label={HUB_NAMES[h]} checked={hubs.includes(h)} onChange={(_, d) => setHubs(toggle(hubs, h, !!d.checked))} />
        ))}
      </fieldset>
      <Button type="submit" appearance="primary" disabled={!userId.trim()}>
        Save roles
      </Button>
      {saved && <Notice intent="success">{saved}</Notice>}
      {error ? <ErrorBar error={error} title="Roles not saved" /> : null}
    </form>
  );
}
