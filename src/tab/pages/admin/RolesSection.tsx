// Coordinators see who holds a role and grant or change organiser/coordinator roles for their hubs,
// choosing the person by name (GET /api/roles, PUT /api/users/{id}/roles).
import { useState } from 'react';
import { Body1, Button, Checkbox, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import { HUB_NAMES, type Hub, type RoleGrant } from '../../types';
import { PeoplePicker, type PickedPerson } from '../../components/PeoplePicker';
import { StackedTable } from '../../components/StackedTable';
import { InlineResult, errorText, type ActionResult } from '../../components/InlineResult';
import { ROLE_NAMES, hubShortName, listText, roleText } from '../../components/names';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '560px', marginTop: tokens.spacingVerticalL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, border: 'none', padding: 0, margin: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const HUBS = Object.keys(HUB_NAMES) as Hub[];
const ROLES: RoleGrant['role'][] = ['organiser', 'coordinator'];

interface Holder {
  userId: string;
  name: string;
  roles: RoleGrant[];
  fromConfiguration: boolean;
}

export function RolesSection() {
  const styles = useStyles();
  const holders = useAsync(() => apiFetch<{ items: Holder[] }>('/api/roles'), []);
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [roles, setRoles] = useState<RoleGrant['role'][]>([]);
  const [hubs, setHubs] = useState<Hub[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));

  /** Start from what the person holds now: saving replaces all their roles. */
  const choose = (p: PickedPerson | null, fromList = false) => {
    if (fromList) {
      // The form is below the list: bring it into view with the person's roles ready to change.
      requestAnimationFrame(() => {
        const form = document.getElementById('role-form');
        form?.scrollIntoView({ block: 'start', behavior: 'smooth' });
        form?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus({ preventScroll: true });
      });
    }
    setPerson(p);
    setResult(null);
    const current = p ? holders.data?.items.find((h) => h.userId === p.id) : undefined;
    setRoles(current ? current.roles.map((g) => g.role) : []);
    setHubs(current ? [...new Set(current.roles.flatMap((g) => g.hubs))] : []);
  };
  const current = person ? holders.data?.items.find((h) => h.userId === person.id) : undefined;

  const save = async () => {
    if (!person) return;
    setBusy(true);
    setResult(null);
    try {
      await apiFetch(`/api/users/${encodeURIComponent(person.id)}/roles`, { method: 'PUT', body: { roles, hubs: roles.length ? hubs : [] } });
      setResult({
        intent: 'success',
        text: roles.length ? `Saved: ${person.name} is now ${listText(roles.map((r) => ROLE_NAMES[r].toLowerCase()))} for ${listText(hubs.map(hubShortName))}.` : `Saved: ${person.name} has no roles now.`,
      });
      await holders.reload();
    } catch (e) {
      setResult({ intent: 'error', text: `Roles not saved. ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {holders.loading && !holders.data ? <Loading label="Loading who holds roles…" /> : null}
      {holders.error ? <ErrorBar error={holders.error} title="Role holders could not be loaded" /> : null}
      {holders.data && holders.data.items.length === 0 && <Body1 as="p">Nobody holds a role yet.</Body1>}
      {holders.data && holders.data.items.length > 0 && (
        <StackedTable
          label="Who holds roles"
          rows={holders.data.items}
          rowKey={(h) => h.userId}
          columns={[
            { header: 'Person', cell: (h) => h.name },
            { header: 'Roles', cell: (h) => h.roles.map(roleText).join('; ') + (h.fromConfiguration ? ' (set in the app’s configuration)' : '') },
          ]}
          actions={{
            header: 'Change',
            cell: (h) =>
              h.fromConfiguration ? null : (
                <Button size="small" onClick={() => choose({ id: h.userId, name: h.name }, true)}>
                  Change roles of {h.name}
                </Button>
              ),
          }}
        />
      )}
      <form
        id="role-form"
        className={styles.form}
        aria-labelledby="role-form-title"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Subtitle2 as="h3" block id="role-form-title">
          Give someone a role
        </Subtitle2>
        <PeoplePicker label="Person" hint="Type their name. Anyone who has used the Virtual Café can be found." single selected={person ? [person] : []} onChange={(p) => choose(p[0] ?? null)} required />
        {current && <Body1 as="p">Now: {current.roles.map(roleText).join('; ')}.</Body1>}
        <fieldset className={styles.row}>
          <legend className={styles.legend}>Roles</legend>
          {ROLES.map((r) => (
            <Checkbox key={r} label={ROLE_NAMES[r]} checked={roles.includes(r)} onChange={(_, d) => setRoles(toggle(roles, r, !!d.checked))} />
          ))}
        </fieldset>
        <fieldset className={styles.row}>
          <legend className={styles.legend}>For the hubs</legend>
          {HUBS.map((h) => (
            <Checkbox key={h} label={HUB_NAMES[h]} checked={hubs.includes(h)} onChange={(_, d) => setHubs(toggle(hubs, h, !!d.checked))} />
          ))}
        </fieldset>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={!person || busy || (roles.length > 0 && hubs.length === 0)}>
            {roles.length || !current ? 'Save roles' : 'Remove all roles'}
          </Button>
        </div>
        <InlineResult result={result} />
      </form>
    </div>
  );
}
