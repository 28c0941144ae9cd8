// Offers waiting for my answer and sessions I am confirmed for: accept, decline, withdraw. The
// card that acted changes at once (no Accept/Decline left after an answer) and says what happened.
import { useState } from 'react';
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../api';
import { useAsync } from '../components/useAsync';
import { ErrorBar, Loading } from '../components/Status';
import { errorText, type ActionResult } from '../components/InlineResult';
import { sessionWhen, type FacilitationRequest } from './types';
import { hasStarted } from './status';
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
  const [results, setResults] = useState<Record<string, ActionResult>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const act = async (r: FacilitationRequest, path: string) => {
    setBusy(r.id);
    setResults((x) => ({ ...x, [r.id]: { intent: 'info', text: 'Sending your answer…' } }));
    try {
      const res = await apiFetch<RequestActionAnswer<AcceptResult | DeclineResult>>(path, { method: 'POST', body: {} });
      // The card shows the request as the answer left it, at once: no buttons that no longer apply.
      if (offers.data) offers.setData({ items: offers.data.items.map((x) => (x.id === r.id ? res.request : x)) });
      setResults((x) => ({ ...x, [r.id]: { intent: 'success', text: RESULTS[res.result] ?? 'Done.' } }));
    } catch (e) {
      setResults((x) => ({ ...x, [r.id]: { intent: 'error', text: `That did not work. ${errorText(e)}` } }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className={styles.list}>
      {offers.loading && !offers.data ? <Loading label="Loading your offers…" /> : null}
      {offers.error ? <ErrorBar error={offers.error} /> : null}
      {offers.data?.items.length === 0 && <Body1 as="p">No offers waiting and no sessions coming up. When a lead needs someone like you, the offer appears here and in your chat with the bot.</Body1>}
      {offers.data?.items.map((r) => {
        const base = `/api/facilitation-requests/${encodeURIComponent(r.id)}`;
        const label = `${r.channelName}, ${sessionWhen(r)}`;
        const mine = r.can.accept && r.offer;
        const actions = mine ? (
          <>
            <Button appearance="primary" disabled={busy === r.id} onClick={() => void act(r, `${base}/offers/${encodeURIComponent(r.offer!.offerId)}/accept`)} aria-label={`Accept: ${label}`}>
              Accept
            </Button>
            <Button disabled={busy === r.id} onClick={() => void act(r, `${base}/offers/${encodeURIComponent(r.offer!.offerId)}/decline`)} aria-label={`Decline: ${label}`}>
              Decline
            </Button>
          </>
        ) : r.can.withdraw && !hasStarted(r) ? (
          <Button disabled={busy === r.id} onClick={() => void act(r, `${base}/withdraw`)} aria-label={`Withdraw from ${label}`}>
            Withdraw
          </Button>
        ) : null;
        return <RequestCard key={r.id} r={r} actions={actions} result={results[r.id]} />;
      })}
    </div>
  );
}
