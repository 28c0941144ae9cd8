// Offers waiting for my answer and sessions I am confirmed for: accept, decline, withdraw.
import { useState } from 'react';
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../api';
import { useAsync } from '../components/useAsync';
import { ErrorBar, Loading, Notice } from '../components/Status';
import { shortWhen, sessionWhen, type FacilitationRequest } from './types';
import { RequestCard } from './MyRequests';
import type { ListResponse } from '../types';
import type { AcceptResult, DeclineResult, RequestActionAnswer } from '../../contracts/facilitation';

const useStyles = makeStyles({ list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

const RESULTS: Record<string, string> = {
  confirmed: 'Accepted: you are confirmed. Add it to your calendar.',
  'already-yours': 'You had already accepted this one.',
  filled: 'Already filled: someone else is facilitating this session.',
  expired: 'Already filled: this offer had expired and moved on.',
  cancelled: 'The lead cancelled this request.',
  closed: 'This offer is closed.',
  declined: 'Declined. We have asked someone else.',
  'already-declined': 'You had already declined this offer.',
  accepted: 'You accepted this one; use Withdraw if you can no longer make it.',
  withdrawn: 'You have withdrawn. We will find someone else and tell the lead.',
  'already-withdrawn': 'You had already withdrawn.',
};

export function MyOffers() {
  const styles = useStyles();
  const offers = useAsync(() => apiFetch<ListResponse<FacilitationRequest>>('/api/facilitation-requests?offers=true'), []);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const act = async (path: string) => {
    setError(null);
    setMessage('');
    try {
      const res = await apiFetch<RequestActionAnswer<AcceptResult | DeclineResult>>(path, { method: 'POST', body: {} });
      setMessage(RESULTS[res.result] ?? 'Done.');
      await offers.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className={styles.list}>
      {message && <Notice intent="success">{message}</Notice>}
      {error ? <ErrorBar error={error} title="That did not work" /> : null}
      {offers.loading && !offers.data ? <Loading label="Loading your offers…" /> : null}
      {offers.error ? <ErrorBar error={offers.error} /> : null}
      {offers.data?.items.length === 0 && <Body1>No offers waiting and no sessions coming up.</Body1>}
      {offers.data?.items.map((r) => {
        const base = `/api/facilitation-requests/${encodeURIComponent(r.id)}`;
        const label = `${r.channelName}, ${sessionWhen(r)}`;
        const actions = r.offer ? (
          <>
            <Button appearance="primary" onClick={() => void act(`${base}/offers/${encodeURIComponent(r.offer!.offerId)}/accept`)} aria-label={`Accept: ${label}`}>
              Accept
            </Button>
            <Button onClick={() => void act(`${base}/offers/${encodeURIComponent(r.offer!.offerId)}/decline`)} aria-label={`Decline: ${label}`}>
              Decline
            </Button>
            <Body1>{`Please answer by ${shortWhen(r.offer.expiresAt)}.`}</Body1>
          </>
        ) : r.can.withdraw ? (
          <Button onClick={() => void act(`${base}/withdraw`)} aria-label={`Withdraw from ${label}`}>
            Withdraw
          </Button>
        ) : null;
        return <RequestCard key={r.id} r={{ ...r, statusText: r.offer ? `Offered to you by ${r.leadName}` : r.statusText }} actions={actions} />;
      })}
    </div>
  );
}
