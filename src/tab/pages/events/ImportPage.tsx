// Organisers: create many events from CSV. Checked line by line first; nothing is created until
// every line is good, and importing the same file again creates nothing twice.
import { AppLink } from '../../components/AppLink';
import { useState } from 'react';
import { Body1, Button, Checkbox, Field, Textarea, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { navigate } from '../../router';
import { ErrorBar, Notice } from '../../components/Status';
import { eventsApi, type ImportReport } from './eventsApi';

const HEADER = 'title,description,category,hub,professions,channel,date,start,end,location,onlineMeetingUrl,teams_meeting,capacity,signupCloses';
const EXAMPLE = `${HEADER}\nCEF first steps,For new practice educators,facilitation-development,west-kent,practice-nurse;paramedic,cef-development,2027-02-22,09:30,12:30,"Oakwood House, Maidstone",,no,16,`;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  report: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function ImportPage() {
  const styles = useStyles();
  const [csv, setCsv] = useState('');
  const [dryRun, setDryRun] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      className={styles.form}
      aria-labelledby="import-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        setReport(null);
        try {
          setReport(await eventsApi.import(csv, dryRun));
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>
        <AppLink href="/tab/calendar">← Back to the calendar</AppLink>
      </p>
      <Title2 block as="h1" id="import-title">
        Import events from CSV
      </Title2>
      <Body1 block as="p">
        One event per line after a header line. Dates YYYY-MM-DD, times HH:MM (UK time), professions separated by semicolons, channel by short name, teams_meeting yes or no (yes: the app makes the Teams meeting). Columns:
      </Body1>
      <Body1 block as="p" className={styles.code}>
        {HEADER}
      </Body1>
      <Field label="CSV" required>
        <Textarea value={csv} onChange={(_, d) => setCsv(d.value)} rows={10} placeholder={EXAMPLE} resize="vertical" />
      </Field>
      <Checkbox label="Check only (create nothing yet)" checked={dryRun} onChange={(_, d) => setDryRun(!!d.checked)} />
      <div>
        <Button type="submit" appearance="primary" disabled={busy || !csv.trim()}>
          {dryRun ? 'Check' : 'Import'}
        </Button>
      </div>
      {error ? <ErrorBar error={error} title="Could not read the CSV" /> : null}
      {report && (
        <section aria-label="Import report">
          {report.errors > 0 ? (
            <Notice intent="warning">
              {report.errors} {report.errors === 1 ? 'line needs' : 'lines need'} fixing. Nothing was created.
            </Notice>
          ) : report.dryRun ? (
            <Notice intent="info">All {report.lines.length} lines look good. Untick “Check only” to create them.</Notice>
          ) : (
            <Notice intent="success">
              Created {report.created} {report.created === 1 ? 'event' : 'events'}
              {report.existing ? `; ${report.existing} already imported earlier` : ''}.
            </Notice>
          )}
          <ul className={styles.report}>
            {report.lines.map((l) => (
              <li key={l.line}>
                {l.status === 'error' ? (
                  <span role="alert">{l.message}</span>
                ) : (
                  <>
                    Line {l.line}: {l.title} — {l.status === 'ok' ? 'ok' : l.status === 'created' ? 'created' : 'already imported'}
                    {l.eventId && (
                      <>
                        {' '}
                        <Button size="small" appearance="transparent" onClick={() => navigate(`/tab/calendar/event/${encodeURIComponent(l.eventId!)}`)}>
                          Open
                        </Button>
                      </>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </form>
  );
}
