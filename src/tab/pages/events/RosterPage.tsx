// Organisers: who is booked and who is waiting (in order), CSV export, attendance once the event
// has started (attendees then see it in their CPD record), and the feedback once it has ended.
import { AppLink } from '../../components/AppLink';
import { useEffect, useState } from 'react';
import { Body1, Button, Checkbox, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { eventsApi, download } from './eventsApi';
import { formatDay, formatWhen, londonDay, londonTime } from './london';
import { FeedbackResults } from './FeedbackResults';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalM} 0` },
  table: { maxWidth: '760px' },
});

const stamp = (iso?: string) => (iso ? `${formatDay(londonDay(iso), 'short')} ${londonTime(iso)}` : '');

export function RosterPage({ id }: { id: string }) {
  const styles = useStyles();
  const { data, error, loading, reload } = useAsync(() => eventsApi.roster(id), [id]);
  const [attended, setAttended] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  useEffect(() => {
    if (data) setAttended(new Set(data.items.filter((r) => r.attended).map((r) => r.userId)));
  }, [data]);

  if (loading && !data) return <Loading label="Loading the roster…" />;
  if (error || !data) return <ErrorBar error={error ?? 'Not found'} title="Could not open the roster" />;
  const e = data.event;
  const booked = data.items.filter((r) => r.status === 'booked');
  const waiting = data.items.filter((r) => r.status === 'waitlisted');
  const started = data.attendanceOpen;

  const exportCsv = async () => {
    setActionError(null);
    try {
      download(`roster-${e.title.replace(/[^\w -]/g, '').trim().replace(/\s+/g, '-').slice(0, 50) || 'event'}.csv`, await eventsApi.rosterCsv(id));
    } catch (err) {
      setActionError(err);
    }
  };
  const saveAttendance = async () => {
    setActionError(null);
    try {
      const r = await eventsApi.attendance(id, [...attended]);
      setNotice(`Attendance saved: ${r.attended} attended. They now see it in their CPD record.`);
      await reload();
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <section aria-labelledby="roster-title">
      <p>
        <AppLink href={`/tab/calendar/event/${encodeURIComponent(id)}`}>← Back to the event</AppLink>
      </p>
      <Title2 block as="h1" id="roster-title">
        Roster: {e.title}
      </Title2>
      <Body1 block as="p">
        {formatWhen(e.start, e.end)} · {e.capacity === null ? `${e.booked} booked (unlimited)` : `${e.booked} of ${e.capacity} booked`} · {e.waitlisted} on the waitlist
      </Body1>
      {notice && <Notice intent="success">{notice}</Notice>}
      {actionError ? <ErrorBar error={actionError} title="That did not work" /> : null}
      <div className={styles.actions}>
        <Button onClick={() => void exportCsv()}>Export CSV</Button>
        {started && booked.length > 0 && (
          <Button appearance="primary" onClick={() => void saveAttendance()}>
            Save attendance
          </Button>
        )}
      </div>
      {/* Once it has ended: the feedback, return rate first. */}
      {Date.parse(e.end) <= Date.now() && <FeedbackResults eventId={id} seriesId={e.seriesId} />}
      <Subtitle1 block as="h2">Booked ({booked.length})</Subtitle1>
      {booked.length === 0 ? (
        <Body1 block as="p">Nobody yet.</Body1>
      ) : (
        <Table className={styles.table} aria-label="Booked">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Booked</TableHeaderCell>
              <TableHeaderCell>{started ? 'Attended' : ''}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {booked.map((r) => (
              <TableRow key={r.userId}>
                <TableCell>{r.name}</TableCell>
                <TableCell>{stamp(r.bookedAt ?? r.joinedAt)}</TableCell>
                <TableCell>
                  {started && (
                    <Checkbox
                      aria-label={`${r.name} attended`}
                      checked={attended.has(r.userId)}
                      onChange={(_, d) => {
                        const next = new Set(attended);
                        if (d.checked) next.add(r.userId);
                        else next.delete(r.userId);
                        setAttended(next);
                      }}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {data.anonymousBooked > 0 && <Body1 block as="p">Plus {data.anonymousBooked} who have since erased their data.</Body1>}
      <Subtitle1 block as="h2">Waitlist ({waiting.length})</Subtitle1>
      {waiting.length === 0 ? (
        <Body1 block as="p">Nobody waiting.</Body1>
      ) : (
        <Table className={styles.table} aria-label="Waitlist">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Place</TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Joined</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {waiting.map((r) => (
              <TableRow key={r.userId}>
                <TableCell>#{r.position}</TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell>{stamp(r.joinedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
