// A lead's requests, with the request form: where each one is, why someone was offered, cancel.
import { useState } from 'react';
import { Badge, Body1, Button, Caption1, Card, CardHeader, Checkbox, Field, Input, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../api';
import { useAsync } from '../components/useAsync';
import { ErrorBar, Loading, Notice } from '../components/Status';
import { FORMAT_NAMES, FORMATS, STATUS_COLOURS, sessionWhen, type FacilitationRequest, type Format } from './types';
import type { ListResponse } from '../types';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '560px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const todayInLondon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

export function RequestCard({ r, onChange, actions }: { r: FacilitationRequest; onChange?: () => void; actions?: React.ReactNode }) {
  const styles = useStyles();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const shown = r.offer ? r.candidates.find((c) => c.userId === r.offer?.facilitatorId) : r.status === 'confirmed' ? r.candidates[0] : undefined;
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/facilitation-requests/${encodeURIComponent(r.id)}`, { method: 'DELETE' });
      onChange?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card data-testid="facilitation-request">
      <CardHeader header={<Subtitle2 as="h3">{`${r.channelName} — ${sessionWhen(r)}`}</Subtitle2>} description={<Caption1>{`${FORMAT_NAMES[r.format]}${r.topic ? ` · ${r.topic}` : ''}`}</Caption1>} />
      <div>
        <Badge appearance="tint" color={STATUS_COLOURS[r.status]}>
          {r.status}
        </Badge>{' '}
        <Body1>{r.statusText}</Body1>
      </div>
      {shown && shown.reasons.length > 0 && (
        <div>
          <Caption1>{`Why ${shown.name}:`}</Caption1>
          <ul className={styles.reasons}>
            {shown.reasons.map((x) => (
              <li key={x}>
                <Caption1>{x}</Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.status === 'escalated' && r.noMatchReasons.length > 0 && <Caption1>{`Nobody free: ${r.noMatchReasons.join('; ')}`}</Caption1>}
      <div className={styles.row}>
        {r.calendarUrl && (
          <Button as="a" href={r.calendarUrl} appearance="secondary">
            Add to calendar
          </Button>
        )}
        {r.can.cancel && r.status !== 'cancelled' && onChange && (
          <Button onClick={cancel} disabled={busy} aria-label={`Cancel the request for ${r.channelName}, ${sessionWhen(r)}`}>
            Cancel request
          </Button>
        )}
        {actions}
      </div>
      {error ? <ErrorBar error={error} title="Not cancelled" /> : null}
    </Card>
  );
}

function RequestForm({ channels, onCreated }: { channels: { id: string; name: string }[]; onCreated: (r: FacilitationRequest) => void }) {
  const styles = useStyles();
  const [channelId, setChannelId] = useState(channels[0]?.id ?? '');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [format, setFormat] = useState<Format>('observe');
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const [continuity, setContinuity] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  return (
    <form
      className={styles.form}
      aria-label="Request a facilitator"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        setSending(true);
        try {
          const created = await apiFetch<FacilitationRequest>('/api/facilitation-requests', { method: 'POST', body: { channelId, date, startTime, endTime, format, topic, notes, continuity } });
          onCreated(created);
          setTopic('');
          setNotes('');
        } catch (err) {
          setError(err);
        } finally {
          setSending(false);
        }
      }}
    >
      <Field label="Channel" required>
        <Select value={channelId} onChange={(_, d) => setChannelId(d.value)}>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label="Date" required>
          <Input type="date" min={todayInLondon()} value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field label="Starts (UK time)" required>
          <Input type="time" value={startTime} onChange={(_, d) => setStartTime(d.value)} />
        </Field>
        <Field label="Ends (UK time)" required>
          <Input type="time" value={endTime} onChange={(_, d) => setEndTime(d.value)} />
        </Field>
      </div>
      <Field label="What would help" required>
        <Select value={format} onChange={(_, d) => setFormat(d.value as Format)}>
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_NAMES[f]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Topic">
        <Input value={topic} maxLength={200} onChange={(_, d) => setTopic(d.value)} />
      </Field>
      <Field label="Notes for the facilitator">
        <Textarea value={notes} maxLength={2000} onChange={(_, d) => setNotes(d.value)} />
      </Field>
      <Checkbox label="Prefer someone who has facilitated this channel before" checked={continuity} onChange={(_, d) => setContinuity(!!d.checked)} />
      <Button type="submit" appearance="primary" disabled={sending || !channelId}>
        Send request
      </Button>
      {error ? <ErrorBar error={error} title="Request not sent" /> : null}
    </form>
  );
}

export function MyRequests() {
  const styles = useStyles();
  const requests = useAsync(() => apiFetch<ListResponse<FacilitationRequest>>('/api/facilitation-requests?mine=true'), []);
  const channels = useAsync(() => apiFetch<ListResponse<{ id: string; name: string }>>('/api/facilitation/lead-channels'), []);
  const [sent, setSent] = useState('');
  const leads = (channels.data?.items.length ?? 0) > 0;
  return (
    <div className={styles.list}>
      {channels.loading ? <Loading /> : null}
      {channels.error ? <ErrorBar error={channels.error} /> : null}
      {channels.data && !leads && <Body1>Channel leads can ask for a facilitator here. You do not lead a Virtual Café channel.</Body1>}
      {leads && (
        <RequestForm
          channels={channels.data!.items}
          onCreated={(r) => {
            setSent(`Request sent for ${r.channelName}: ${r.statusText}.`);
            void requests.reload();
          }}
        />
      )}
      {sent && <Notice intent="success">{sent}</Notice>}
      {requests.loading && !requests.data ? <Loading label="Loading your requests…" /> : null}
      {requests.error ? <ErrorBar error={requests.error} /> : null}
      {requests.data?.items.map((r) => <RequestCard key={r.id} r={r} onChange={() => void requests.reload()} />)}
      {requests.data && requests.data.items.length === 0 && leads && <Body1>No requests yet.</Body1>}
    </div>
  );
}
