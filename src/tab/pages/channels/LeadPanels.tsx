// What leads (and coordinators) do on a channel: edit purpose and guidelines; see members and
// decide requests to join. Guests' rows show no details.
import { useState } from 'react';
import { Button, Field, Textarea, Body1, makeStyles, tokens } from '@fluentui/react-components';
import { StackedTable } from '../../components/StackedTable';
import { apiFetch } from '../../api';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { HUB_NAMES, PROFESSION_NAMES, type Hub } from '../../types';
import type { Channel, MemberRow } from './types';
import type { MembersAnswer } from '../../../contracts/channels';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  table: { marginTop: tokens.spacingVerticalS, overflowX: 'auto' },
});

export function EditPanel({ channel, onSaved }: { channel: Channel; onSaved: (c: Channel) => void }) {
  const styles = useStyles();
  const [purpose, setPurpose] = useState(channel.purpose);
  const [guidelines, setGuidelines] = useState(channel.guidelines);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className={styles.form}
      aria-label={`Edit ${channel.name}`}
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        setSaved(false);
        try {
          const updated = await apiFetch<Channel>(`/api/channels/${encodeURIComponent(channel.id)}`, { method: 'PATCH', body: { purpose, guidelines } });
          setSaved(true);
          onSaved(updated);
        } catch (err) {
          setError(err);
        }
      }}
    >
      <Field label={`Purpose of ${channel.name}`} required>
        <Textarea value={purpose} maxLength={500} onChange={(_, d) => setPurpose(d.value)} resize="vertical" />
      </Field>
      <Field label={`Guidelines of ${channel.name}`}>
        <Textarea value={guidelines} maxLength={2000} onChange={(_, d) => setGuidelines(d.value)} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button type="submit" appearance="primary">
          Save {channel.name}
        </Button>
      </div>
      {saved && <Notice intent="success">Saved. New members will see this in their welcome.</Notice>}
      {error ? <ErrorBar error={error} title="Not saved" /> : null}
    </form>
  );
}

const details = (m: MemberRow) =>
  m.guest ? 'Guest' : [m.profession ? (PROFESSION_NAMES[m.profession] ?? m.profession) : '', m.hub ? (HUB_NAMES[m.hub as Hub] ?? m.hub) : '', m.pcn, m.organisation].filter(Boolean).join(' · ') || 'No profile yet';

export function MembersPanel({ channel, onChanged }: { channel: Channel; onChanged: () => void }) {
  const styles = useStyles();
  const { data, error, loading, reload } = useAsync(() => apiFetch<MembersAnswer>(`/api/channels/${encodeURIComponent(channel.id)}/members`), [channel.id]);
  const [actionError, setActionError] = useState<unknown>(null);
  const decide = async (userId: string, decision: 'approve' | 'decline') => {
    setActionError(null);
    try {
      await apiFetch(`/api/channels/${encodeURIComponent(channel.id)}/requests/${encodeURIComponent(userId)}/${decision}`, { method: 'POST', body: {} });
      await reload();
      onChanged();
    } catch (err) {
      setActionError(err);
    }
  };
  if (loading && !data) return <Loading label={`Loading members of ${channel.name}…`} />;
  if (error) return <ErrorBar error={error} title="Members could not be loaded" />;
  if (!data) return null;
  return (
    <div className={styles.table}>
      {data.pending.length > 0 && (
        <>
          <Body1 as="p">Waiting for a decision:</Body1>
          {data.pending.map((p) => (
            <div key={p.userId} className={styles.row}>
              <Body1>
                {p.name} — {details(p)}
              </Body1>
              <Button size="small" appearance="primary" onClick={() => void decide(p.userId, 'approve')}>
                Approve {p.name}
              </Button>
              <Button size="small" onClick={() => void decide(p.userId, 'decline')}>
                Decline {p.name}
              </Button>
            </div>
          ))}
        </>
      )}
      {actionError ? <ErrorBar error={actionError} title="Not done" /> : null}
      <StackedTable
        label={`Members of ${channel.name}`}
        rows={data.items}
        rowKey={(m) => m.userId}
        columns={[
          { header: 'Name', cell: (m) => m.name },
          { header: 'About them', cell: details },
          { header: 'Joined', cell: (m) => (m.joinedAt ? new Date(m.joinedAt).toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' }) : '') },
        ]}
      />
    </div>
  );
}
