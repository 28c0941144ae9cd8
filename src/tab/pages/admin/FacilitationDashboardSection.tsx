// Coordinators: open facilitation requests, how long matching takes, who carries the load.
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import { duration, sessionWhen, type Dashboard } from '../../facilitation/types';
import { STATUS_LABELS, statusDetail } from '../../facilitation/status';
import { StackedTable } from '../../components/StackedTable';
import { useApp } from '../../MeContext';

const useStyles = makeStyles({
  figures: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, marginBottom: tokens.spacingVerticalM },
  figure: { display: 'flex', flexDirection: 'column' },
  heading: { margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
});

export function FacilitationDashboardSection() {
  const styles = useStyles();
  const { me } = useApp();
  const dash = useAsync(() => apiFetch<Dashboard>('/api/facilitation/dashboard'), []);
  if (dash.loading && !dash.data) return <Loading label="Loading the dashboard…" />;
  if (dash.error) return <ErrorBar error={dash.error} />;
  const d = dash.data!;
  return (
    <div>
      <div className={styles.figures}>
        <div className={styles.figure} data-testid="open-requests">
          <Caption1>Open requests</Caption1>
          <Subtitle2>{d.openRequests.length}</Subtitle2>
        </div>
        <div className={styles.figure} data-testid="median-time-to-confirm">
          <Caption1>Median time to confirm (90 days)</Caption1>
          <Subtitle2>{d.medianTimeToConfirmMs === null ? '—' : duration(d.medianTimeToConfirmMs)}</Subtitle2>
        </div>
        <div className={styles.figure}>
          <Caption1>Confirmed in 90 days</Caption1>
          <Subtitle2>{d.confirmedLast90Days}</Subtitle2>
        </div>
      </div>
      <Subtitle2 as="h3" block className={styles.heading}>
        Open requests
      </Subtitle2>
      {d.openRequests.length === 0 ? (
        <Body1 as="p">No open requests.</Body1>
      ) : (
        <StackedTable
          label="Open facilitation requests"
          rows={d.openRequests}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Channel', cell: (r) => r.channelName },
            { header: 'When', cell: (r) => sessionWhen(r) },
            { header: 'Lead', cell: (r) => r.leadName },
            { header: 'Where it is', cell: (r) => `${STATUS_LABELS[r.status]}: ${statusDetail(r, me.id)}` },
          ]}
        />
      )}
      <Subtitle2 as="h3" block className={styles.heading}>
        Load per facilitator
      </Subtitle2>
      <StackedTable
        label="Load per facilitator"
        rows={d.load}
        rowKey={(l) => l.userId}
        columns={[
          { header: 'Facilitator', cell: (l) => (l.paused ? `${l.name} (paused)` : l.name) },
          { header: 'Last 90 days', cell: (l) => l.last90Days },
          { header: 'Coming up', cell: (l) => l.upcoming },
          { header: 'This month', cell: (l) => `${l.thisMonth} of ${l.maxPerMonth}` },
        ]}
      />
      {d.formerFacilitatorSessions > 0 && <Caption1>{`${d.formerFacilitatorSessions} recent sessions were with facilitators who have since left.`}</Caption1>}
    </div>
  );
}
