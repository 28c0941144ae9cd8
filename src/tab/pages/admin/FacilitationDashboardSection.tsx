// Coordinators: open facilitation requests, how long matching takes, who carries the load.
import { Body1, Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading } from '../../components/Status';
import { duration, sessionWhen, type Dashboard } from '../../facilitation/types';

const useStyles = makeStyles({
  figures: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, marginBottom: tokens.spacingVerticalM },
  figure: { display: 'flex', flexDirection: 'column' },
  scroll: { overflowX: 'auto', marginBottom: tokens.spacingVerticalL },
});

export function FacilitationDashboardSection() {
  const styles = useStyles();
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
      <div className={styles.scroll}>
        {d.openRequests.length === 0 ? (
          <Body1>No open requests.</Body1>
        ) : (
          <Table aria-label="Open facilitation requests" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Channel</TableHeaderCell>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>Lead</TableHeaderCell>
                <TableHeaderCell>Where it is</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {d.openRequests.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.channelName}</TableCell>
                  <TableCell>{sessionWhen(r)}</TableCell>
                  <TableCell>{r.leadName}</TableCell>
                  <TableCell>{r.statusText}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      <div className={styles.scroll}>
        <Table aria-label="Load per facilitator" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Facilitator</TableHeaderCell>
              <TableHeaderCell>Last 90 days</TableHeaderCell>
              <TableHeaderCell>Coming up</TableHeaderCell>
              <TableHeaderCell>This month</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {d.load.map((l) => (
              <TableRow key={l.userId}>
                <TableCell>{l.paused ? `${l.name} (paused)` : l.name}</TableCell>
                <TableCell>{l.last90Days}</TableCell>
                <TableCell>{l.upcoming}</TableCell>
                <TableCell>{`${l.thisMonth} of ${l.maxPerMonth}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {d.formerFacilitatorSessions > 0 && <Caption1>{`${d.formerFacilitatorSessions} recent sessions were with facilitators who have since left.`}</Caption1>}
    </div>
  );
}
