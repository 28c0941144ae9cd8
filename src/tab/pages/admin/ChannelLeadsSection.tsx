// Coordinators choose each channel's leads by name (PUT /api/channels/{id}/leads).
import { useState } from 'react';
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import { PeoplePicker, type PickedPerson } from '../../components/PeoplePicker';
import { InlineResult, errorText, type ActionResult } from '../../components/InlineResult';
import type { Channel } from '../channels/types';
import type { DirectoryAnswer } from '../../../contracts/channels';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '560px' } });

export function ChannelLeadsSection() {
  const styles = useStyles();
  const { data, error, loading, reload } = useAsync(() => apiFetch<DirectoryAnswer>('/api/channel-directory'), []);
  const [channelId, setChannelId] = useState('');
  const [leads, setLeads] = useState<PickedPerson[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  const pick = (id: string) => {
    setChannelId(id);
    setResult(null);
    setLeads(data?.items.find((i) => i.channel.id === id)?.leads.map((l) => ({ id: l.id, name: l.name })) ?? []);
  };

  if (loading && !data) return <Loading label="Loading channels…" />;
  if (error) return <ErrorBar error={error} title="Channels could not be loaded" />;
  return (
    <form
      className={styles.form}
      aria-label="Channel leads"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setResult(null);
        try {
          const updated = await apiFetch<Channel>(`/api/channels/${encodeURIComponent(channelId)}/leads`, { method: 'PUT', body: { leadIds: leads.map((l) => l.id) } });
          const n = updated.leadIds.length;
          setResult({ intent: 'success', text: n ? `Saved: ${updated.name} has ${n} lead${n === 1 ? '' : 's'}. New leads get a message from the bot.` : `Saved: ${updated.name} has no leads now.` });
          await reload();
        } catch (err) {
          setResult({ intent: 'error', text: `Leads not saved. ${errorText(err)}` });
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field label="Channel">
        <Select value={channelId} onChange={(_, d) => pick(d.value)}>
          <option value="">Choose a channel…</option>
          {data?.items.map((i) => (
            <option key={i.channel.id} value={i.channel.id}>
              {i.channel.name}
            </option>
          ))}
        </Select>
      </Field>
      <PeoplePicker label="Leads" hint="Type a name to add a lead; remove a lead with the cross on their name." selected={leads} onChange={setLeads} disabled={!channelId} />
      <div>
        <Button type="submit" appearance="primary" disabled={!channelId || busy}>
          Save leads
        </Button>
        <InlineResult result={result} />
      </div>
    </form>
  );
}
