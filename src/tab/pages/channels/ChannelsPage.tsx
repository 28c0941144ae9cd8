// The Communities of Practice directory: search, join (profile first), leave, propose a channel;
// leads and coordinators edit their channels and see members.
import { useEffect, useState } from 'react';
import { Button, SearchBox, Title2, Body1, makeStyles, tokens } from '@fluentui/react-components';
import { apiFetch, qs } from '../../api';
import { useApp } from '../../MeContext';
import { useLocation } from '../../router';
import { useAsync } from '../../components/useAsync';
import { ErrorBar, Loading, Notice } from '../../components/Status';
import { ChannelCard } from './ChannelCard';
import { ProfileDialog } from './ProfileDialog';
import { ProposalDialog } from './ProposalDialog';
import type { Channel } from './types';
import type { DirectoryAnswer, JoinAnswer, LeaveAnswer } from '../../../contracts/channels';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', margin: `${tokens.spacingVerticalM} 0` },
  search: { flexGrow: 1, minWidth: '200px', maxWidth: '480px' },
  list: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 420px), 1fr))' },
});

export function ChannelsPage() {
  const styles = useStyles();
  const { me, refreshMe } = useApp();
  const { search } = useLocation();
  const highlight = search.get('channel') ?? '';
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [profileFor, setProfileFor] = useState<Channel | null>(null);
  const [proposing, setProposing] = useState(false);

  // Search as you type, a moment after the typing stops.
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);

  // The answer carries the words it answers, so the count never describes an older list.
  const directory = useAsync(async () => ({ query, ...(await apiFetch<DirectoryAnswer>(`/api/channel-directory${qs({ q: query })}`)) }), [query]);

  useEffect(() => {
    if (highlight && directory.data) document.getElementById(`card-${highlight}`)?.scrollIntoView({ block: 'center' });
  }, [highlight, directory.data]);

  const join = async (channel: Channel) => {
    if (!me.profile) {
      setProfileFor(channel);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await apiFetch<JoinAnswer>(`/api/channels/${encodeURIComponent(channel.id)}/members`, { method: 'POST' });
      setNotice(
        res.status === 'requested'
          ? `Your request to join ${channel.name} has gone to its leads.`
          : res.status === 'already-member'
            ? `You are already a member of ${channel.name}.`
            : `You joined ${channel.name}. Your welcome is in your chat with the Virtual Café bot.`,
      );
      await directory.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const leave = async (channel: Channel) => {
    setBusy(true);
    setError(null);
    try {
      const res = await apiFetch<LeaveAnswer>(`/api/channels/${encodeURIComponent(channel.id)}/members/me`, { method: 'DELETE' });
      setNotice(res.status === 'request-withdrawn' ? `Your request to join ${channel.name} is withdrawn.` : `You have left ${channel.name}.${res.note ? ' ' + res.note : ''}`);
      await directory.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const items = directory.data?.items ?? [];
  return (
    <section aria-labelledby="page-title">
      <Title2 as="h1" id="page-title">
        Communities of Practice
      </Title2>
      <Body1 as="p">Find a channel for your profession or interest, join it, and meet colleagues across Kent &amp; Medway.</Body1>
      <div className={styles.toolbar}>
        <SearchBox className={styles.search} aria-label="Search channels" placeholder="Search by name, purpose or profession" value={text} onChange={(_, d) => setText(d.value)} />
        <Button onClick={() => setProposing(true)}>Propose a channel</Button>
      </div>
      <div aria-live="polite">
        {notice && <Notice intent="success">{notice}</Notice>}
        {error ? <ErrorBar error={error} title="That did not work" /> : null}
      </div>
      {directory.loading && !directory.data && <Loading label="Loading channels…" />}
      {directory.error ? <ErrorBar error={directory.error} title="Channels could not be loaded" /> : null}
      {directory.data && (
        <Body1 as="p" role="status">
          {directory.data.total === 0
            ? `No channels match “${directory.data.query}”.`
            : `${directory.data.total} channel${directory.data.total === 1 ? '' : 's'}${directory.data.query ? ` matching “${directory.data.query}”` : ''}.`}
        </Body1>
      )}
      <div className={styles.list}>
        {items.map((item) => (
          <ChannelCard key={item.channel.id} item={item} highlighted={item.channel.id === highlight} busy={busy} onJoin={(c) => void join(c)} onLeave={(c) => void leave(c)} onChanged={() => void directory.reload()} />
        ))}
      </div>
      {profileFor && (
        <ProfileDialog
          channelName={profileFor.name}
          guest={me.guest}
          onCancel={() => setProfileFor(null)}
          onSaved={async () => {
            const channel = profileFor;
            setProfileFor(null);
            await refreshMe();
            await joinAfterProfile(channel);
          }}
        />
      )}
      {proposing && (
        <ProposalDialog
          onCancel={() => setProposing(false)}
          onDone={(name) => {
            setProposing(false);
            setNotice(`Thank you. Your proposal for “${name}” has gone to the hub coordinators.`);
          }}
        />
      )}
    </section>
  );

  // After the profile is saved `me` is stale in this render; join directly.
  async function joinAfterProfile(channel: Channel) {
    setBusy(true);
    try {
      const res = await apiFetch<JoinAnswer>(`/api/channels/${encodeURIComponent(channel.id)}/members`, { method: 'POST' });
      setNotice(res.status === 'requested' ? `Thank you. Your request to join ${channel.name} has gone to its leads.` : `Thank you. You joined ${channel.name}. Your welcome is in your chat with the Virtual Café bot.`);
      await directory.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
}
