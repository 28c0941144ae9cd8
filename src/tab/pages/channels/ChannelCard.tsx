// One Community of Practice in the directory: what it is, who leads it, what is next, and the
// person's own buttons (join/leave; edit and members for leads and coordinators).
import { useState } from 'react';
import { Badge, Body1, Button, Caption1, Card, CardHeader, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../MeContext';
import { PROFESSION_NAMES } from '../../types';
import { hubName } from '../../components/names';
import { canEdit, whenText, type Channel, type DirectoryItem } from './types';
import { EditPanel, MembersPanel } from './LeadPanels';
import { InlineResult, type ActionResult } from '../../components/InlineResult';

const useStyles = makeStyles({
  card: { width: '100%', boxSizing: 'border-box' },
  highlight: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ChannelCardProps {
  item: DirectoryItem;
  highlighted: boolean;
  busy: boolean;
  /** What the last action on this card did (shown under its buttons). */
  result?: ActionResult;
  onJoin(c: Channel): void;
  onLeave(c: Channel): void;
  onChanged(): void;
}

export function ChannelCard({ item, highlighted, busy, result, onJoin, onLeave, onChanged }: ChannelCardProps) {
  const styles = useStyles();
  const { me } = useApp();
  const [panel, setPanel] = useState<'none' | 'edit' | 'members'>('none');
  const c = item.channel;
  const headingId = `channel-${c.id}`;
  const professions = c.professions.length ? c.professions.map((p) => PROFESSION_NAMES[p] ?? p).join(', ') : 'All professions';
  const editable = canEdit(me, c);

  return (
    <Card className={highlighted ? `${styles.card} ${styles.highlight}` : styles.card} aria-labelledby={headingId} id={`card-${c.id}`}>
      <CardHeader
        header={
          <Subtitle2 as="h2" id={headingId}>
            {c.name}
          </Subtitle2>
        }
        description={
          <Caption1>
            {hubName(c.hub)} · {professions} · {c.memberCount} member{c.memberCount === 1 ? '' : 's'}
          </Caption1>
        }
      />
      <div className={styles.body}>
        <div className={styles.badges}>
          {item.myStatus === 'member' && <Badge appearance="filled" color="success">You are a member</Badge>}
          {item.myStatus === 'requested' && <Badge appearance="tint" color="warning">Request with the leads</Badge>}
          {c.approvalRequired && <Badge appearance="outline">Approval needed</Badge>}
          {c.channelType !== 'standard' && <Badge appearance="outline">{c.channelType === 'private' ? 'Private' : 'Shared'}</Badge>}
        </div>
        <Body1 as="p">{c.purpose}</Body1>
        {c.guidelines && (
          <Caption1 as="p">
            <strong>Guidelines:</strong> {c.guidelines}
          </Caption1>
        )}
        {item.leads.length > 0 && <Caption1 as="p">{item.leads.length === 1 ? 'Lead' : 'Leads'}: {item.leads.map((l) => l.name).join(', ')}</Caption1>}
        {item.nextEvents.length > 0 && (
          <>
            <Caption1 as="p">Next events:</Caption1>
            <ul className={styles.list}>
              {item.nextEvents.map((e) => (
                <li key={e.eventId}>
                  <Caption1>
                    {whenText(e.start, e.end)} — {e.title}
                  </Caption1>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className={styles.actions}>
        {item.myStatus === 'none' && (
          <Button appearance="primary" disabled={busy} onClick={() => onJoin(c)}>
            {c.approvalRequired ? 'Ask to join' : 'Join'} {c.name}
          </Button>
        )}
        {item.myStatus === 'member' && (
          <Button disabled={busy} onClick={() => onLeave(c)}>
            Leave {c.name}
          </Button>
        )}
        {item.myStatus === 'requested' && (
          <Button disabled={busy} onClick={() => onLeave(c)}>
            Withdraw request for {c.name}
          </Button>
        )}
        {editable && (
          <Button aria-expanded={panel === 'edit'} onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}>
            Edit {c.name}
          </Button>
        )}
        {editable && !me.guest && (
          <Button aria-expanded={panel === 'members'} onClick={() => setPanel(panel === 'members' ? 'none' : 'members')}>
            Members of {c.name}
          </Button>
        )}
      </div>
      <InlineResult result={result} />
      {panel === 'edit' && (
        <EditPanel channel={c} onSaved={() => onChanged()} />
      )}
      {panel === 'members' && <MembersPanel channel={c} onChanged={onChanged} />}
    </Card>
  );
}
