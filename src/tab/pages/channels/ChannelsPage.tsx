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
import type { Channel, DirectoryItem } from './types';
import type { DirectoryAnswer, JoinAnswer, LeaveAnswer } from '../../../contracts/channels';
import { errorText, type ActionResult } from '../../components/InlineResult';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', margin: `${tokens.spacingVerticalM} 0` },
  search: { flexGrow: 1, minWidth: '200px', maxWidth: '480px' },
  title: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  intro: { margin: 0 },
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
  const [results, setResults] = useState<Record<string, ActionResult>>({});
  const [busy, setBusy] = useState<string | null>(null);
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

  /** The card that acted shows what happened; its status changes at once, the list catches up after. */
  const tell = (channelId: string, result: ActionResult) => setResults((r) => ({ ...r, [channelId]: result }));
  const setStatus = (channelId: string, myStatus: DirectoryItem['myStatus'], memberDelta: number) => {
    const d = directory.data;
    if (!d) return;
    directory.setData({ ...d, items: d.items.map((i) => (i.channel.id === channelId ? { ...i, myStatus, channel: { ...i.channel, memberCount: Math.max(0, i.channel.memberCount + memberDelta) } } : i)) });
  };

  const joinNow = async (channel: Channel, thanks: string) => {
    setBusy(channel.id);
    try {
      const res = await apiFetch<JoinAnswer>(`/api/channels/${encodeURIComponent(channel.id)}/members`, { method: 'POST' });
      if (res.status === 'requested') {
        setStatus(channel.id, 'requested', 0);
        tell(channel.id, { intent: 'success', text: `${thanks}Your request to join ${channel.name} has gone to its leads.` });
      } else if (res.status === 'already-member') {
        setStatus(channel.id, 'member', 0);
        tell(channel.id, { intent: 'info', text: `You are already a member of ${channel.name}.` });
      } else {
        setStatus(channel.id, 'member', 1);
        tell(channel.id, { intent: 'success', text: `${thanks}You joined ${channel.name}. Your welcome is in your chat with the Virtual Café bot.` });
      }
      void directory.reload();
    } catch (err) {
      tell(channel.id, { intent: 'error', text: `Not joined. ${errorText(err)}` });
    } finally {
      setBusy(null);
    }
  };

  const join = async (channel: Channel) => {
    if (!me.profile) {
      setProfileFor(channel);
      return;
    }
    await joinNow(channel, '');
  };

  const leave = async (channel: Channel, wasMember: boolean) => {
    setBusy(channel.id);
    try {
      const res = await apiFetch<LeaveAnswer>(`/api/channels/${encodeURIComponent(channel.id)}/members/me`, { method: 'DELETE' });
      setStatus(channel.id, 'none', wasMember ? -1 : 0);
      tell(channel.id, { intent: 'success', text: res.status === 'request-withdrawn' ? `Your request to join ${channel.name} is withdrawn.` : `You have left ${channel.name}.${res.note ? ' ' + res.note : ''}` });
      void directory.reload();
    } catch (err) {
      tell(channel.id, { intent: 'error', text: `Not done. ${errorText(err)}` });
    } finally {
      setBusy(null);
    }
  };

  const items = directory.data?.items ?? [];
  return (
    <section aria-labelledby="page-title">
      <Title2 as="h1" block id="page-title" className={styles.title}>
        Communities of Practice
      </Title2>
      <Body1 as="p" block className={styles.intro}>
        Find a channel for your profession or interest, join it, and meet colleagues across Kent &amp; Medway.
      </Body1>
      <div className={styles.toolbar}>
        <SearchBox className={styles.search} aria-label="Search channels" placeholder="Search by name, purpose or profession" value={text} onChange={(_, d) => setText(d.value)} />
        <Button onClick={() => setProposing(true)}>Propose a channel</Button>
      </div>
      <div aria-live="polite">{notice && <Notice intent="success">{notice}</Notice>}</div>
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
          <ChannelCard
            key={item.channel.id}
            item={item}
            highlighted={item.channel.id === highlight}
            busy={busy === item.channel.id}
            result={results[item.channel.id]}
            onJoin={(c) => void join(c)}
            onLeave={(c) => void leave(c, item.myStatus === 'member')}
            onChanged={() => void directory.reload()}
          />
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
            // `me` is stale in this render: join directly.
            await joinNow(channel, 'Thank you. ');
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
}
