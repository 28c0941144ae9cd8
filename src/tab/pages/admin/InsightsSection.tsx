// Coordinators: a hub's insights over a chosen period — what was offered and taken up, who came,
// what they thought, whose CPD it fed, how channels grew, how facilitation went. The figures are
// the API's own answer (one computation, as in the CSV). The charts are a chunk of their own,
// loaded after the figures, so the charting library weighs on nobody else (not even this page's
// first paint); each chart is also a table.
import { lazy, Suspense, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../MeContext';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import { StackedTable } from '../../components/StackedTable';
import { InlineResult, errorText, type ActionResult } from '../../components/InlineResult';
import { hubName, professionName } from '../../components/names';
import { HUB_NAMES, type Hub, type Me } from '../../types';
import { addDays, addMonths, formatDate, today } from '../events/london';
import { download } from '../events/eventsApi';
import { afterApi, percent, type InsightsJson } from '../events/afterApi';

const InsightsCharts = lazy(() => import('./InsightsCharts'));

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', marginBottom: tokens.spacingVerticalM },
  figures: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`, margin: `${tokens.spacingVerticalM} 0` },
  figure: { display: 'flex', flexDirection: 'column' },
  stale: { opacity: 0.6 },
  heading: { margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
});

/** The hubs whose insights this coordinator may see (a Kent & Medway coordinator: all, and all together). */
export function insightHubs(me: Me): Hub[] {
  const hubs = new Set<Hub>(me.roles.filter((g) => g.role === 'coordinator').flatMap((g) => g.hubs as Hub[]));
  if (hubs.has('kent-medway')) return Object.keys(HUB_NAMES) as Hub[];
  return [...hubs];
}

const PERIODS = [
  { id: '3m', label: 'Last 3 months', months: 3 },
  { id: '12m', label: 'Last 12 months', months: 12 },
  { id: 'custom', label: 'Dates I choose', months: 0 },
] as const;

const hours = (h: number) => `${Math.round(h * 10) / 10} h`;

export function InsightsSection() {
  const styles = useStyles();
  const { me } = useApp();
  const hubs = insightHubs(me);
  const [hub, setHub] = useState<Hub>(hubs[0] ?? 'kent-medway');
  const [period, setPeriod] = useState<string>('3m');
  const end = today();
  const [custom, setCustom] = useState({ from: addMonths(end, -3), to: end });
  const preset = PERIODS.find((p) => p.id === period);
  // "to" is a London day and includes that day (the API reads it so).
  const range = preset && preset.months ? { from: addDays(addMonths(end, -preset.months), 1), to: end } : custom;
  const data = useAsync(() => afterApi.insights(hub, range.from, range.to), [hub, range.from, range.to]);
  const [saved, setSaved] = useState<ActionResult | null>(null);

  return (
    <div>
      <div className={styles.row}>
        {hubs.length > 1 && (
          <Field label="Hub">
            <Select value={hub} onChange={(_, d) => setHub(d.value as Hub)}>
              {hubs.map((h) => (
                <option key={h} value={h}>
                  {h === 'kent-medway' ? 'All hubs' : hubName(h)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Period">
          <Select value={period} onChange={(_, d) => setPeriod(d.value)}>
            {PERIODS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        {period === 'custom' && (
          <>
            <Field label="From">
              <Input type="date" value={custom.from} max={custom.to} onChange={(_, d) => d.value && setCustom({ ...custom, from: d.value })} />
            </Field>
            <Field label="To (included)">
              <Input type="date" value={custom.to} min={custom.from} onChange={(_, d) => d.value && setCustom({ ...custom, to: d.value })} />
            </Field>
          </>
        )}
        <Button
          onClick={async () => {
            setSaved(null);
            try {
              download(`insights-${hub}-${range.from}-to-${range.to}.csv`, await afterApi.insightsCsv(hub, range.from, range.to));
              setSaved({ intent: 'success', text: 'CSV downloaded.' });
            } catch (e) {
              setSaved({ intent: 'error', text: errorText(e) });
            }
          }}
        >
          Export CSV
        </Button>
      </div>
      <InlineResult result={saved} />
      <Caption1 block>
        {formatDate(range.from)} to {formatDate(range.to)}, events that started in the period.
      </Caption1>
      {data.error ? <ErrorBar error={data.error} title="Could not load the insights" /> : null}
      {data.loading && !data.data && <Loading label="Loading the insights…" />}
      {/* While another hub or period loads, the figures shown are marked busy (and faded) until it arrives. */}
      {data.data && (
        <div data-testid="insights" aria-busy={data.loading} className={data.loading ? styles.stale : undefined}>
          <Figures i={data.data} />
        </div>
      )}
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.figure} data-testid={testId}>
      <Caption1>{label}</Caption1>
      <Subtitle2>{value}</Subtitle2>
    </div>
  );
}

function Figures({ i }: { i: InsightsJson }) {
  const styles = useStyles();
  const professions = Object.entries(i.cpdHoursByProfession).sort((a, b) => b[1] - a[1]);
  const channels = [...i.channels].sort((a, b) => b.joinedInPeriod - a.joinedInPeriod || b.members - a.members);
  return (
    <>
      <div className={styles.figures}>
        <Figure label="Events held" value={i.events} testId="insights-events" />
        <Figure label="Fill rate" value={percent(i.fillRate)} testId="insights-fill-rate" />
        <Figure label="No-show rate" value={percent(i.noShowRate)} testId="insights-no-show-rate" />
        <Figure label="Feedback return rate" value={percent(i.feedbackReturnRate)} testId="insights-return-rate" />
        <Figure label="Mean rating (1–5)" value={i.ratingMean === null ? '—' : i.ratingMean} testId="insights-rating" />
        <Figure label="Facilitation requests (confirmed)" value={`${i.facilitation.requests} (${i.facilitation.confirmed})`} />
        <Figure label="Median time to confirm" value={i.facilitation.medianHoursToConfirm === null ? '—' : hours(i.facilitation.medianHoursToConfirm)} />
      </div>
      <Suspense fallback={<Loading label="Loading the charts…" rows={2} />}>
        <InsightsCharts insights={i} />
      </Suspense>
      <Subtitle2 as="h3" block className={styles.heading}>
        Places and attendance
      </Subtitle2>
      <StackedTable
        label="Places and attendance"
        rows={[i]}
        rowKey={() => 'all'}
        columns={[
          { header: 'Places offered', cell: (r) => r.placesOffered },
          { header: 'Booked', cell: (r) => r.booked },
          { header: 'Waitlisted', cell: (r) => r.waitlisted },
          { header: 'Attended', cell: (r) => r.attended },
        ]}
      />
      <Subtitle2 as="h3" block className={styles.heading}>
        CPD hours by profession
      </Subtitle2>
      {professions.length === 0 ? (
        <Body1 as="p">No attended learning in this period.</Body1>
      ) : (
        <StackedTable
          label="CPD hours by profession"
          rows={professions}
          rowKey={([p]) => p}
          columns={[
            { header: 'Profession', cell: ([p]) => (p === 'unknown' ? 'Not recorded' : professionName(p)) },
            { header: 'Hours', cell: ([, h]) => h },
          ]}
        />
      )}
      <Subtitle2 as="h3" block className={styles.heading}>
        Channel growth
      </Subtitle2>
      {channels.length === 0 ? (
        <Body1 as="p">No channels in this hub yet.</Body1>
      ) : (
        <StackedTable
          label="Channel growth"
          rows={channels}
          rowKey={(c) => c.id}
          columns={[
            { header: 'Channel', cell: (c) => c.name },
            { header: 'Members', cell: (c) => c.members },
            { header: 'Joined in the period', cell: (c) => c.joinedInPeriod },
          ]}
        />
      )}
    </>
  );
}
