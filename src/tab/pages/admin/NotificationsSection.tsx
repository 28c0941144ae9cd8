// Coordinators: how notification delivery is going — pending, failed and unconfirmed counts, why
// notices failed, dead letters and scheduled jobs. Counts only: never who, never what.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { StackedTable } from '../../components/StackedTable';
import { apiFetch } from '../../api';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import type { DeliverySummary } from '../../../contracts/notifications';

const REASONS: Record<string, string> = {
  'http-403': 'App not installed or blocked (403)',
  'http-404': 'Person or chat not found (404)',
  'no-conversation': 'No chat with the person yet',
  'throttled-out': 'Teams kept throttling',
  'dead-lettered': 'Failed repeatedly (dead letter)',
};

const useStyles = makeStyles({
  stats: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  stat: { display: 'flex', flexDirection: 'column-reverse', margin: 0 },
  value: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  actions: { marginTop: tokens.spacingVerticalM },
});

export function NotificationsSection() {
  const styles = useStyles();
  const { data, error, loading, reload } = useAsync(() => apiFetch<DeliverySummary>('/api/notifications/summary'), []);
  if (loading && !data) return <Loading label="Loading notification counts…" />;
  if (error) return <ErrorBar error={error} title="Notification counts could not be loaded" />;
  if (!data) return null;
  const stats: [string, number][] = [
    ['Pending', data.pending],
    ['Failed (30 days)', data.failed],
    ['Unconfirmed (30 days)', data.unconfirmed],
    ['Dead letters', data.deadLettered.notifications + data.deadLettered.jobs],
    ['Scheduled jobs', data.jobs.scheduled],
  ];
  const reasons = Object.entries(data.reasons).sort((a, b) => b[1] - a[1]);
  return (
    <div>
      <dl className={styles.stats} aria-label="Notification delivery">
        {stats.map(([label, value]) => (
          <div key={label} className={styles.stat}>
            <dt>{label}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {reasons.length > 0 && (
        <StackedTable
          label="Why notifications failed"
          rows={reasons}
          rowKey={([reason]) => reason}
          columns={[
            { header: 'Reason', cell: ([reason]) => REASONS[reason] ?? reason },
            { header: 'Notices', cell: ([, count]) => count },
          ]}
        />
      )}
      <div className={styles.actions}>
        <Button onClick={() => void reload()}>Refresh counts</Button>
      </div>
    </div>
  );
}
