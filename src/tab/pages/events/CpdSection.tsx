// My CPD record in my regulator's terms (chosen from my profession, switchable): where the latest
// period stands against the target, every period, and every activity with its method, whether it
// was participatory and planned, my reflection, and its certificate; as a PDF for my confirmer or
// appraiser, or CSV.
import { useState } from 'react';
import { Badge, Body1, Button, Caption1, Field, Input, Select, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { StackedTable } from '../../components/StackedTable';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import { download } from './eventsApi';
import { formatDate, formatDay, londonDay } from './london';
import { afterApi, CODE_THEME_NAMES, REGULATORS, REGULATOR_NAMES, REGULATOR_SHORT, TARGET_WORDS, PERIOD_NAMES, type CpdPeriodJson, type CpdRecordJson } from './afterApi';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', margin: `${tokens.spacingVerticalS} 0` },
  headline: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', margin: `${tokens.spacingVerticalM} 0` },
  reflection: { whiteSpace: 'pre-wrap' },
});

type Regulator = (typeof REGULATORS)[number];

/** Where a period stands, in the regulator's terms. */
export function progressText(r: CpdRecordJson, p: CpdPeriodJson): string {
  const t = p.target as Record<string, number>;
  if (r.regulator === 'nmc') return `${p.totalHours} of ${t.totalHours} hours, ${p.participatoryHours} of ${t.participatoryHours} participatory`;
  if (r.regulator === 'gphc') return `${p.entries} of ${t.entries} entries, ${p.plannedEntries} of ${t.plannedEntries} planned`;
  const [from, to] = [Date.parse(p.from), Date.parse(p.to)];
  const kinds = new Set(r.entries.filter((e) => Date.parse(e.date) >= from && Date.parse(e.date) <= to).map((e) => e.method));
  return `${kinds.size} of ${t.kinds} kinds of activity${kinds.size ? ` (${[...kinds].join(', ')})` : ''}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const periodDates = (p: CpdPeriodJson) => `${formatDate(londonDay(p.from))} – ${formatDate(londonDay(p.to))}`;

export function CpdSection() {
  const styles = useStyles();
  const [regulator, setRegulator] = useState('');
  const [date, setDate] = useState('');
  const [applied, setApplied] = useState('');
  const query = { regulator: regulator || undefined, revalidationDate: applied || undefined };
  const cpd = useAsync(() => afterApi.cpd(query), [regulator, applied]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState('');
  const r = cpd.data;
  const latest = r?.periods[0];

  const save = async (what: string, make: () => Promise<void>) => {
    setError(null);
    setBusy(what);
    try {
      await make();
    } catch (e) {
      setError(e);
    } finally {
      setBusy('');
    }
  };
  const short = r ? REGULATOR_SHORT[r.regulator as Regulator] : '';

  return (
    <section className={styles.section} aria-labelledby="cpd-title">
      <Subtitle1 block as="h2" id="cpd-title">
        My CPD record{short ? ` (${short})` : ''}
      </Subtitle1>
      <Body1 block as="p">
        From the events you attended (as the organiser or Teams recorded it), with your reflections from feedback and a certificate for each. {r ? `${TARGET_WORDS[r.regulator as Regulator]}.` : ''}
      </Body1>
      <div className={styles.row}>
        <Field label="Regulator">
          <Select value={regulator} onChange={(_, d) => setRegulator(d.value)}>
            <option value="">From my profession{r && !regulator ? ` (${short})` : ''}</option>
            {REGULATORS.map((code) => (
              <option key={code} value={code}>
                {REGULATOR_NAMES[code]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="My revalidation or renewal date (optional)" hint="The current period ends on this date">
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Button onClick={() => setApplied(date)}>Show periods</Button>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy === 'pdf'} onClick={() => void save('pdf', async () => download(`cpd-record-${short.toLowerCase() || 'nmc'}.pdf`, await afterApi.cpdPdf(query)))}>
          Download my record (PDF)
        </Button>
        <Button disabled={busy === 'csv'} onClick={() => void save('csv', async () => download(`cpd-record-${short.toLowerCase() || 'nmc'}.csv`, await afterApi.cpdCsv(query)))}>
          Export CSV
        </Button>
      </div>
      {error ? <ErrorBar error={error} title="That did not work" /> : null}
      {cpd.error ? <ErrorBar error={cpd.error} title="Could not load your CPD record" /> : null}
      {cpd.loading && !r && <Loading label="Loading your CPD record…" />}
      {r && (
        <>
          <div data-testid="cpd-summary">
            {latest && (
              <div className={styles.headline}>
                <Subtitle2>
                  {PERIOD_NAMES[r.regulator as Regulator]} {periodDates(latest)}: {progressText(r, latest)}
                </Subtitle2>
                <Badge appearance="filled" color={latest.met ? 'success' : 'warning'}>
                  {latest.met ? 'Target met' : 'Not met yet'}
                </Badge>
              </div>
            )}
            <Body1 block as="p">
              Total {round2(r.entries.reduce((n, e) => n + e.hours, 0))} h, of which {round2(r.entries.reduce((n, e) => n + (e.participatory ? e.hours : 0), 0))} h participatory, from {r.entries.length} {r.entries.length === 1 ? 'activity' : 'activities'}.
            </Body1>
          </div>
          <StackedTable
            label="Periods against the target"
            rows={r.periods}
            rowKey={(p) => p.from}
            columns={[
              { header: 'Period', cell: (p) => periodDates(p) },
              { header: 'Hours', cell: (p) => p.totalHours },
              { header: 'Participatory hours', cell: (p) => p.participatoryHours },
              { header: 'Entries (planned)', cell: (p) => `${p.entries} (${p.plannedEntries})` },
              { header: 'Against the target', cell: (p) => `${progressText(r, p)}: ${p.met ? 'met' : 'not met yet'}` },
            ]}
          />
          {r.entries.length === 0 ? (
            <Body1 block as="p">
              Attended events appear here once the organiser (or Teams) records your attendance.
            </Body1>
          ) : (
            <StackedTable
              label="Evidence of learning"
              rows={r.entries}
              rowKey={(e) => e.eventId}
              columns={[
                {
                  header: 'Activity',
                  cell: (e) => (
                    <>
                      {e.title}
                      <br />
                      <Caption1>Organiser: {e.organiser}</Caption1>
                    </>
                  ),
                },
                { header: 'Date', cell: (e) => formatDay(londonDay(e.date), 'short') },
                { header: 'Method', cell: (e) => e.method },
                { header: 'Hours', cell: (e) => e.hours },
                { header: 'Participatory', cell: (e) => (e.participatory ? 'Yes' : 'No') },
                { header: 'Planned', cell: (e) => (e.planned ? 'Yes' : 'No') },
                {
                  header: 'My reflection',
                  cell: (e) => (
                    <span className={styles.reflection}>
                      {e.reflection ?? '—'}
                      {e.codeTheme ? ` (NMC Code: ${CODE_THEME_NAMES[e.codeTheme as keyof typeof CODE_THEME_NAMES] ?? e.codeTheme})` : ''}
                    </span>
                  ),
                },
                { header: 'Certificate id', cell: (e) => e.certificateId },
              ]}
              actions={{
                header: 'Certificate',
                cell: (e) => (
                  <Button
                    size="small"
                    aria-label={`Download the certificate for ${e.title}`}
                    disabled={busy === e.certificateId}
                    onClick={() => void save(e.certificateId, async () => download(`certificate-${e.certificateId}.pdf`, await afterApi.certificatePdf(e.certificateId)))}
                  >
                    Certificate (PDF)
                  </Button>
                ),
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
