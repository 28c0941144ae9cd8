// Coordinators: the facilitator pool — who is in it, their hubs, hours and limits; add and remove.
import { useState } from 'react';
import { Button, Dropdown, Field, Input, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { HUB_NAMES, type Hub, type ListResponse } from '../../types';
import { DAY_NAMES, FORMAT_NAMES, type Facilitator } from '../../facilitation/types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '520px', marginBottom: tokens.spacingVerticalL },
  scroll: { overflowX: 'auto' },
});

const HUBS = Object.keys(HUB_NAMES) as Hub[];
const hours = (f: Facilitator) => (f.availability.length ? f.availability.map((a) => `${DAY_NAMES[a.day].slice(0, 3)} ${a.from}–${a.to}`).join(', ') : 'none set');

export function FacilitatorPoolSection() {
  const styles = useStyles();
  const pool = useAsync(() => apiFetch<ListResponse<Facilitator>>('/api/facilitators'), []);
  const [userId, setUserId] = useState('');
  const [hubs, setHubs] = useState<Hub[]>([]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);

  const remove = async (f: Facilitator) => {
    setError(null);
    setMessage('');
    try {
      await apiFetch(`/api/facilitators/${encodeURIComponent(f.userId)}`, { method: 'DELETE' });
      setMessage(`${f.name} removed from the pool. Any offer they held has moved on.`);
      await pool.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div>
      <form
        className={styles.form}
        aria-label="Add a facilitator"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          setMessage('');
          try {
            const added = await apiFetch<Facilitator>('/api/facilitators', { method: 'POST', body: { userId: userId.trim(), hubs } });
            setMessage(`${added.name} is in the pool for ${added.hubs.map((h) => HUB_NAMES[h]).join(', ')}. They have been asked to check their availability.`);
            setUserId('');
            await pool.reload();
          } catch (err) {
            setError(err);
          }
        }}
      >
        <Field label="Facilitator's Entra object id" required>
          <Input value={userId} onChange={(_, d) => setUserId(d.value)} />
        </Field>
        <Field label="Hubs" required>
          <Dropdown multiselect placeholder="Choose the hubs" selectedOptions={hubs} value={hubs.map((h) => HUB_NAMES[h]).join(', ')} onOptionSelect={(_, d) => setHubs(d.selectedOptions as Hub[])}>
            {HUBS.map((h) => (
              <Option key={h} value={h}>
                {HUB_NAMES[h]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button type="submit" appearance="primary" disabled={!userId.trim() || !hubs.length}>
          Add to pool
        </Button>
      </form>
      {message && <Notice intent="success">{message}</Notice>}
      {error ? <ErrorBar error={error} title="Pool not changed" /> : null}
      {pool.loading && !pool.data ? <Loading label="Loading the pool…" /> : null}
      {pool.error ? <ErrorBar error={pool.error} /> : null}
      {pool.data && (
        <div className={styles.scroll}>
          <Table aria-label="Facilitator pool" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Hubs</TableHeaderCell>
                <TableHeaderCell>Offers</TableHeaderCell>
                <TableHeaderCell>Usually free</TableHeaderCell>
                <TableHeaderCell>A month</TableHeaderCell>
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {pool.data.items.map((f) => (
                <TableRow key={f.userId}>
                  <TableCell>{f.paused ? `${f.name} (paused)` : f.name}</TableCell>
                  <TableCell>{f.hubs.map((h) => HUB_NAMES[h]).join(', ')}</TableCell>
                  <TableCell>{f.formats.map((x) => FORMAT_NAMES[x]).join(', ')}</TableCell>
                  <TableCell>{hours(f)}</TableCell>
                  <TableCell>{f.maxPerMonth}</TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => void remove(f)} aria-label={`Remove ${f.name} from the pool`}>
                      Remove
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
