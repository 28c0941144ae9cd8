// Coordinators decide new-channel proposals for their hubs (approve, or reject with a reason).
import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { HUB_NAMES, PROFESSION_NAMES, type ListResponse } from '../../types';
import type { Proposal } from '../channels/types';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: 0, margin: 0, listStyle: 'none' },
  item: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

function ProposalItem({ proposal, onDecided }: { proposal: Proposal; onDecided: (message: string) => void }) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/channel-proposals/${encodeURIComponent(proposal.id)}/${decision}`, { method: 'POST', body: { reason } });
      onDecided(decision === 'approve' ? `Approved: ${proposal.name} is ready.` : `Rejected: ${proposal.name}. The proposer has been told why.`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <li className={styles.item} aria-label={`Proposal: ${proposal.name}`}>
      <Body1>
        <strong>{proposal.name}</strong> — {HUB_NAMES[proposal.hub]}
      </Body1>
      <Body1 as="p">{proposal.purpose}</Body1>
      <Caption1>
        For {proposal.professions.length ? proposal.professions.map((p) => PROFESSION_NAMES[p] ?? p).join(', ') : 'everyone'} · proposed by {proposal.proposerName ?? 'someone'} ·{' '}
        {new Date(proposal.createdAt).toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short' })}
      </Caption1>
      <div className={styles.row}>
        <Field label={`Reason for ${proposal.name} (needed to reject)`}>
          <Input value={reason} maxLength={500} onChange={(_, d) => setReason(d.value)} />
        </Field>
        <Button appearance="primary" disabled={busy} onClick={() => void decide('approve')}>
          Approve {proposal.name}
        </Button>
        <Button disabled={busy || !reason.trim()} onClick={() => void decide('reject')}>
          Reject {proposal.name}
        </Button>
      </div>
      {error ? <ErrorBar error={error} title="Not decided" /> : null}
    </li>
  );
}

export function ChannelProposalsSection() {
  const styles = useStyles();
  const { data, error, loading, reload } = useAsync(() => apiFetch<ListResponse<Proposal>>('/api/channel-proposals?status=pending'), []);
  const [message, setMessage] = useState('');
  if (loading && !data) return <Loading label="Loading proposals…" />;
  if (error) return <ErrorBar error={error} title="Proposals could not be loaded" />;
  return (
    <div>
      {message && <Notice intent="success">{message}</Notice>}
      {data && data.items.length === 0 && <Body1 as="p">No proposals are waiting for a decision.</Body1>}
      <ul className={styles.list}>
        {data?.items.map((p) => (
          <ProposalItem
            key={p.id}
            proposal={p}
            onDecided={(m) => {
              setMessage(m);
              void reload();
            }}
          />
        ))}
      </ul>
    </div>
  );
}
