// A lead's requests, with the request form: where each one is, why someone was offered, cancel
// (until the session starts). Coming up first, then the past.
import { useState, type ReactNode } from 'react';
import { Badge, Body1, Button, Caption1, Card, CardHeader, Checkbox, Field, Input, Select, Subtitle1, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../api';
import { useApp } from '../MeContext';
import { useAsync } from '../components/useAsync';
import { ErrorBar, Loading } from '../components/Status';
import { InlineResult, errorText, type ActionResult } from '../components/InlineResult';
import { FORMAT_NAMES, FORMATS, STATUS_COLOURS, sessionWhen, type FacilitationRequest, type Format } from './types';
import { STATUS_LABELS, hasStarted, statusDetail } from './status';
import type { ListResponse } from '../types';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '560px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  status: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { margin: `${tokens.spacingVerticalL} 0 0` },
});

const todayInLondon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

export function RequestCard({ r, onChange, actions, result }: { r: FacilitationRequest; onChange?: (r: FacilitationRequest) => void; actions?: ReactNode; result?: ActionResult | null }) {
  const styles = useStyles();
  const { me } = useApp();
  const [own, setOwn] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = r.offer ? r.candidates.find((c) => c.userId === r.offer?.facilitatorId) : r.status === 'confirmed' ? r.candidates.find((c) => c.userId === r.facilitatorId) : undefined;
  const started = hasStarted(r);
  const cancel = async () => {
    setBusy(true);
    setOwn(null);
    try {
      const updated = await apiFetch<FacilitationRequest>(`/api/facilitation-requests/${encodeURIComponent(r.id)}`, { method: 'DELETE' });
      setOwn({ intent: 'success', text: 'Request cancelled. Anyone offered or confirmed has been told.' });
      onChange?.(updated);
    } catch (e) {
      setOwn({ intent: 'error', text: `Not cancelled. ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card data-testid="facilitation-request">
      <CardHeader header={<Subtitle2 as="h3">{`${r.channelName} — ${sessionWhen(r)}`}</Subtitle2>} description={<Caption1>{`${FORMAT_NAMES[r.format]}${r.topic ? ` · ${r.topic}` : ''}`}</Caption1>} />
      <div className={styles.status}>
        <Badge appearance="tint" color={STATUS_COLOURS[r.status]}>
          {STATUS_LABELS[r.status]}
        </Badge>
        <Body1 data-testid="request-status">{statusDetail(r, me.id)}</Body1>
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
        {r.calendarUrl && !started && (
          <Button as="a" href={r.calendarUrl} appearance="secondary" aria-label={`Add to calendar: ${r.channelName}, ${sessionWhen(r)}`}>
            Add to calendar
          </Button>
        )}
        {r.can.cancel && r.status !== 'cancelled' && !started && onChange && (
          <Button onClick={() => void cancel()} disabled={busy} aria-label={`Cancel request for ${r.channelName}, ${sessionWhen(r)}`}>
            Cancel request
          </Button>
        )}
        {actions}
      </div>
      <InlineResult result={own ?? result} />
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
  const [result, setResult] = useState<ActionResult | null>(null);
  const [sending, setSending] = useState(false);
  return (
    <form
      className={styles.form}
      aria-label="Request a facilitator"
      onSubmit={async (e) => {
        e.preventDefault();
        setResult(null);
        setSending(true);
        try {
          const created = await apiFetch<FacilitationRequest>('/api/facilitation-requests', { method: 'POST', body: { channelId, date, startTime, endTime, format, topic, notes, continuity } });
          setResult({ intent: 'success', text: `Request sent for ${created.channelName}: ${created.statusText}.` });
          onCreated(created);
          setTopic('');
          setNotes('');
        } catch (err) {
          setResult({ intent: 'error', text: `Request not sent. ${errorText(err)}` });
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
      <div>
        <Button type="submit" appearance="primary" disabled={sending || !channelId}>
          Send request
        </Button>
        <InlineResult result={result} />
      </div>
    </form>
  );
}

/** The channels this person leads, for the request form (the page has already loaded them). */
export function MyRequests({ leadChannels }: { leadChannels: { id: string; name: string }[] }) {
  const styles = useStyles();
  const requests = useAsync(() => apiFetch<ListResponse<FacilitationRequest>>('/api/facilitation-requests?mine=true'), []);
  const replace = (updated: FacilitationRequest) => requests.data && requests.setData({ items: requests.data.items.map((x) => (x.id === updated.id ? updated : x)) });
  const items = requests.data?.items ?? [];
  const upcoming = items.filter((r) => !hasStarted(r));
  const past = items.filter((r) => hasStarted(r));
  // The form opens by itself only for a lead with no requests yet; otherwise their requests come first.
  const [formOpen, setFormOpen] = useState<boolean | null>(null);
  const showForm = formOpen ?? (requests.data ? requests.data.items.length === 0 : false);
  return (
    <div className={styles.list}>
      {leadChannels.length > 0 ? (
        // The button appears once the requests are known: drawn before, it would change from primary
        // to secondary as they arrive (the form opens by itself for a first request), a colour fade
        // that nobody asked for and that reads as grey on grey half-way through.
        !requests.data && !requests.error ? null : (
          <div className={styles.list}>
            <div>
              <Button appearance={showForm ? 'secondary' : 'primary'} aria-expanded={showForm} aria-controls="request-form" onClick={() => setFormOpen(!showForm)}>
                Request a facilitator
              </Button>
            </div>
            {showForm && (
              <div id="request-form">
                <RequestForm
                  channels={leadChannels}
                  onCreated={(r) => {
                    setFormOpen(true); // keep the form, and the result beside its button, in view
                    if (requests.data) requests.setData({ items: [r, ...requests.data.items.filter((x) => x.id !== r.id)] });
                    void requests.reload();
                  }}
                />
              </div>
            )}
          </div>
        )
      ) : (
        <Body1 as="p">You no longer lead a channel, so you cannot send new requests. Your earlier requests are below.</Body1>
      )}
      {requests.loading && !requests.data ? <Loading label="Loading your requests…" /> : null}
      {requests.error ? <ErrorBar error={requests.error} /> : null}
      {requests.data && (
        <>
          <Subtitle1 as="h2" block className={styles.heading}>
            Coming up
          </Subtitle1>
          {upcoming.length === 0 && <Body1 as="p">No requests coming up.</Body1>}
          {upcoming.map((r) => (
            <RequestCard key={r.id} r={r} onChange={replace} />
          ))}
          {past.length > 0 && (
            <>
              <Subtitle1 as="h2" block className={styles.heading}>
                Past sessions
              </Subtitle1>
              {past.map((r) => (
                <RequestCard key={r.id} r={r} />
              ))}
            </>
          )}
        </>
      )}
    </div>
  );
}
