// Coordinators: the facilitator pool — who is in it, their hubs, skills, hours and limits; add
// someone by name, remove someone.
import { useState } from 'react';
import { Button, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import { HUB_NAMES, type Hub, type ListResponse } from '../../types';
import { DAY_NAMES, FORMAT_NAMES, type Facilitator } from '../../facilitation/types';
import { PeoplePicker, type PickedPerson } from '../../components/PeoplePicker';
import { StackedTable } from '../../components/StackedTable';
import { InlineResult, errorText, type ActionResult } from '../../components/InlineResult';
import { hubShortName, listText, skillName } from '../../components/names';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '520px', marginBottom: tokens.spacingVerticalL },
});

const HUBS = Object.keys(HUB_NAMES) as Hub[];
const hours = (f: Facilitator) => (f.availability.length ? f.availability.map((a) => `${DAY_NAMES[a.day].slice(0, 3)} ${a.from}–${a.to}`).join(', ') : 'None set yet');

export function FacilitatorPoolSection() {
  const styles = useStyles();
  const pool = useAsync(() => apiFetch<ListResponse<Facilitator>>('/api/facilitators'), []);
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [hubs, setHubs] = useState<Hub[]>([]);
  const [added, setAdded] = useState<ActionResult | null>(null);
  const [removed, setRemoved] = useState<Record<string, ActionResult>>({});
  const [busy, setBusy] = useState(false);

  const remove = async (f: Facilitator) => {
    try {
      await apiFetch(`/api/facilitators/${encodeURIComponent(f.userId)}`, { method: 'DELETE' });
      if (pool.data) pool.setData({ ...pool.data, items: pool.data.items.filter((x) => x.userId !== f.userId) });
      setAdded({ intent: 'success', text: `${f.name} removed from the pool. Any offer they held has moved on.` });
    } catch (e) {
      setRemoved((r) => ({ ...r, [f.userId]: { intent: 'error', text: `Not removed. ${errorText(e)}` } }));
    }
  };

  return (
    <div>
      <form
        className={styles.form}
        aria-label="Add a facilitator"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!person) return;
          setBusy(true);
          setAdded(null);
          try {
            const f = await apiFetch<Facilitator>('/api/facilitators', { method: 'POST', body: { userId: person.id, hubs } });
            setAdded({ intent: 'success', text: `${f.name} is in the pool for ${listText(f.hubs.map(hubShortName))}. They have been asked to check their availability.` });
            setPerson(null);
            await pool.reload();
          } catch (err) {
            setAdded({ intent: 'error', text: `Pool not changed. ${errorText(err)}` });
          } finally {
            setBusy(false);
          }
        }}
      >
        <PeoplePicker label="Facilitator" hint="Type their name." single required selected={person ? [person] : []} onChange={(p) => setPerson(p[0] ?? null)} exclude={pool.data?.items.map((f) => f.userId)} />
        <Field label="Hubs" required>
          <Dropdown multiselect placeholder="Choose the hubs" selectedOptions={hubs} value={hubs.map((h) => HUB_NAMES[h]).join(', ')} onOptionSelect={(_, d) => setHubs(d.selectedOptions as Hub[])}>
            {HUBS.map((h) => (
              <Option key={h} value={h}>
                {HUB_NAMES[h]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={!person || !hubs.length || busy}>
            Add to the pool
          </Button>
          <InlineResult result={added} />
        </div>
      </form>
      {pool.loading && !pool.data ? <Loading label="Loading the pool…" /> : null}
      {pool.error ? <ErrorBar error={pool.error} /> : null}
      {pool.data && (
        <StackedTable
          label="Facilitator pool"
          rows={pool.data.items}
          rowKey={(f) => f.userId}
          columns={[
            { header: 'Name', cell: (f) => (f.paused ? `${f.name} (paused)` : f.name) },
            { header: 'Hubs', cell: (f) => f.hubs.map(hubShortName).join(', ') },
            { header: 'Offers', cell: (f) => f.formats.map((x) => FORMAT_NAMES[x]).join(', ') || '—' },
            { header: 'Skills', cell: (f) => f.skills.map(skillName).join(', ') || '—' },
            { header: 'Usually free', cell: hours },
            { header: 'Most a month', cell: (f) => f.maxPerMonth },
          ]}
          actions={{
            header: 'Actions',
            cell: (f) => (
              <>
                <Button size="small" onClick={() => void remove(f)}>
                  Remove {f.name}
                </Button>
                {removed[f.userId] && <InlineResult result={removed[f.userId]} />}
              </>
            ),
          }}
        />
      )}
    </div>
  );
}
