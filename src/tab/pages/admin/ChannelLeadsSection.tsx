// Coordinators choose each channel's leads (PUT /api/channels/{id}/leads).
import { useEffect, useState } from 'react';
import { Body1, Button, Field, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import type { Channel } from '../channels/types';
import type { DirectoryAnswer } from '../../../contracts/channels';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '560px' } });

export function ChannelLeadsSection() {
  const styles = useStyles();
  const { data, error, loading, reload } = useAsync(() => apiFetch<DirectoryAnswer>('/api/channel-directory'), []);
  const [channelId, setChannelId] = useState('');
  const [leadIds, setLeadIds] = useState('');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const selected = data?.items.find((i) => i.channel.id === channelId);

  useEffect(() => {
    if (selected) setLeadIds(selected.channel.leadIds.join('\n'));
  }, [selected]);

  if (loading && !data) return <Loading label="Loading channels…" />;
  if (error) return <ErrorBar error={error} title="Channels could not be loaded" />;
  return (
    <form
      className={styles.form}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaveError(null);
        setSaved('');
        try {
          const ids = leadIds.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
          const updated = await apiFetch<Channel>(`/api/channels/${encodeURIComponent(channelId)}/leads`, { method: 'PUT', body: { leadIds: ids } });
          setSaved(`Saved: ${updated.name} has ${updated.leadIds.length} lead${updated.leadIds.length === 1 ? '' : 's'}.`);
          await reload();
        } catch (err) {
          setSaveError(err);
        }
      }}
    >
      <Field label="Channel">
        <Select value={channelId} onChange={(_, d) => setChannelId(d.value)}>
          <option value="">Choose a channel…</option>
          {data?.items.map((i) => (
            <option key={i.channel.id} value={i.channel.id}>
              {i.channel.name}
            </option>
          ))}
        </Select>
      </Field>
      {selected && <Body1 as="p">Current leads: {selected.leads.map((l) => l.name).join(', ') || 'none'}</Body1>}
      <Field label="Lead Entra object ids (one per line)" hint="New leads get a message from the bot.">
        <Textarea value={leadIds} onChange={(_, d) => setLeadIds(d.value)} disabled={!channelId} />
      </Field>
      <Button type="submit" appearance="primary" disabled={!channelId}>
        Save leads
      </Button>
      {saved && <Notice intent="success">{saved}</Notice>}
      {saveError ? <ErrorBar error={saveError} title="Leads not saved" /> : null}
    </form>
  );
}
