// Organisers: who is booked and who is waiting (in order), CSV export, attendance once the event
// has started (attendees then see it in their CPD record), and the feedback once it has ended.
// Organisers: who is booked and who is waiting (in order), CSV export, and attendance once the
// event has started (attendees then see it in their CPD record). For an online event Teams' report
// fills attendance in (minutes, and people who came without booking); what the organiser changes
// here is sent as their own mark, which Teams never overrules.
import { AppLink } from '../../components/AppLink';
import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Checkbox, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { eventsApi, download, type RosterLine } from './eventsApi';
import { formatDay, formatWhen, londonDay, londonTime } from './london';
import { FeedbackResults } from './FeedbackResults';
import { PROFESSION_NAMES } from '../../types';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalM} 0` },
  table: { maxWidth: '760px' },
});

const stamp = (iso?: string) => (iso ? `${formatDay(londonDay(iso), 'short')} ${londonTime(iso)}` : '');

/** "52 min in Teams · marked by an organiser": what is known of a line's attendance. */
function attendanceNote(r: RosterLine): string {
  const bits: string[] = [];
  if (r.attendedMinutes !== null) bits.push(`${r.attendedMinutes} min in Teams`);
  if (r.attendanceSource === 'organiser') bits.push('marked by an organiser');
  else if (r.attendanceSource === 'teams') bits.push('from Teams');
  return bits.join(' · ');
}

/** Work details organisers see (a guest's only coordinators). */
const detailsOf = (r: RosterLine) => [r.email, r.profession ? (PROFESSION_NAMES[r.profession as keyof typeof PROFESSION_NAMES] ?? r.profession) : undefined, r.pcn, r.organisation].filter(Boolean).join(' · ');

export function RosterPage({ id }: { id: string }) {
  const styles = useStyles();
  const { data, error, loading, reload } = useAsync(() => eventsApi.roster(id), [id]);
  const [attended, setAttended] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  useEffect(() => {
    if (data) setAttended(new Set(data.items.filter((r) => r.attended).map((r) => r.userId)));
  }, [data]);
  const attendedBefore = new Set((data?.items ?? []).filter((r) => r.attended).map((r) => r.userId));

  if (loading && !data) return <Loading label="Loading the roster…" />;
  if (error || !data) return <ErrorBar error={error ?? 'Not found'} title="Could not open the roster" />;
  const e = data.event;
  const booked = data.items.filter((r) => r.status === 'booked');
  const waiting = data.items.filter((r) => r.status === 'waitlisted');
  const walkIns = data.items.filter((r) => r.status === 'walk-in');
  const started = data.attendanceOpen;
  const teams = data.teamsAttendance;

  const toggle = (userId: string, on: boolean) => {
    const next = new Set(attended);
    if (on) next.add(userId);
    else next.delete(userId);
    setAttended(next);
  };

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
    // Only what the organiser changed is sent: their marks stand, the rest stays as Teams said. Without
    // a Teams report to come, nobody ticked means nobody came.
    const present = [...booked, ...walkIns];
    const nowAttended = present.filter((r) => attended.has(r.userId) && !attendedBefore.has(r.userId)).map((r) => r.userId);
    const nowAbsent = present.filter((r) => !attended.has(r.userId) && (attendedBefore.has(r.userId) || (r.attended === null && !teams))).map((r) => r.userId);
    try {
      await eventsApi.attendance(id, nowAttended, nowAbsent);
      const total = present.filter((p) => attended.has(p.userId)).length;
      setNotice(`Attendance saved: ${total} attended. They now see it in their CPD record.`);
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
      {started && teams && (
        <Body1 block as="p">
          {teams.message ?? (teams.readAt ? `Attendance was read from the Teams meeting at ${stamp(teams.readAt)}. Your own marks always stand.` : 'Attendance is read from the Teams meeting after the event. Your own marks always stand.')}
        </Body1>
      )}
      {actionError ? <ErrorBar error={actionError} title="That did not work" /> : null}
      <div className={styles.actions}>
        <Button onClick={() => void exportCsv()}>Export CSV</Button>
        {started && booked.length + walkIns.length > 0 && (
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
              <AttendanceRow key={r.userId} line={r} when={stamp(r.bookedAt ?? r.joinedAt)} started={started} checked={attended.has(r.userId)} onChange={(on) => toggle(r.userId, on)} />
            ))}
          </TableBody>
        </Table>
      )}
      {data.anonymousBooked > 0 && <Body1 block as="p">Plus {data.anonymousBooked} who have since erased their data.</Body1>}
      {walkIns.length > 0 && (
        <>
          <Subtitle1 block as="h2">In the Teams meeting without a booking ({walkIns.length})</Subtitle1>
          <Table className={styles.table} aria-label="In the Teams meeting without a booking">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Recorded</TableHeaderCell>
                <TableHeaderCell>Attended</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {walkIns.map((r) => (
                <AttendanceRow key={r.userId} line={r} when={stamp(r.joinedAt)} started={started} checked={attended.has(r.userId)} onChange={(on) => toggle(r.userId, on)} />
              ))}
            </TableBody>
          </Table>
        </>
      )}
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

/** One person: name and work details, when they booked, and (once started) attendance with what Teams said. */
function AttendanceRow({ line: r, when, started, checked, onChange }: { line: RosterLine; when: string; started: boolean; checked: boolean; onChange: (on: boolean) => void }) {
  const details = detailsOf(r);
  const note = attendanceNote(r);
  return (
    <TableRow>
      <TableCell>
        {r.name}
        {details && (
          <>
            <br />
            <Caption1>{details}</Caption1>
          </>
        )}
      </TableCell>
      <TableCell>{when}</TableCell>
      <TableCell>
        {started && <Checkbox aria-label={`${r.name} attended`} checked={checked} onChange={(_, d) => onChange(!!d.checked)} label={note || undefined} />}
      </TableCell>
    </TableRow>
  );
}
