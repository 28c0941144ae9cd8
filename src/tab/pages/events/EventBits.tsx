// Small pieces shared by the calendar, event detail and my bookings: the person's state as a
// badge and the one booking button that fits it (its accessible name includes the event title).
import { useState } from 'react';
import { Badge, Button, type BadgeProps } from '@fluentui/react-components';
import { eventsApi, type EventView } from './eventsApi';
import { formatDay, londonDay } from './london';

export function stateText(v: EventView): string {
  switch (v.state) {
    case 'booked':
      return 'Booked';
    case 'waitlisted':
      return `Waitlist #${v.myWaitlistPosition ?? '?'}`;
    case 'full':
      return v.waitlisted ? `Full · ${v.waitlisted} waiting` : 'Full';
    case 'closed':
      return 'Sign-up closed';
    case 'not-open-yet':
      return v.signupOpens ? `Opens ${formatDay(londonDay(v.signupOpens), 'short')}` : 'Not open yet';
    case 'cancelled':
      return 'Cancelled';
    default:
      return v.seatsLeft === null ? 'Open' : `${v.seatsLeft} ${v.seatsLeft === 1 ? 'place' : 'places'} left`;
  }
}

const COLOURS: Record<EventView['state'], BadgeProps['color']> = {
  booked: 'success',
  waitlisted: 'brand',
  open: 'informative',
  full: 'warning',
  closed: 'subtle',
  'not-open-yet': 'subtle',
  cancelled: 'danger',
};

export function StateBadge({ event }: { event: EventView }) {
  return (
    <Badge appearance={event.state === 'open' ? 'outline' : 'filled'} color={COLOURS[event.state]} data-testid="event-state">
      {stateText(event)}
    </Badge>
  );
}

export function whereText(v: Pick<EventView, 'location' | 'onlineMeetingUrl'>): string {
  if (v.location && v.onlineMeetingUrl) return `${v.location} (or online)`;
  return v.location ?? 'Online (Microsoft Teams)';
}

/** Book, join the waitlist, cancel or leave it — whichever fits; reports what happened. */
export function BookingButton({ event, onDone, size }: { event: EventView; onDone: (message: string, updated: EventView) => void; size?: 'small' | 'medium' }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const act = async (book: boolean) => {
    setBusy(true);
    setError('');
    try {
      if (book) {
        const r = await eventsApi.book(event.id);
        onDone(r.status === 'booked' ? `You’re booked on “${event.title}”.` : `“${event.title}” is full: you’re on the waitlist, #${r.position}.`, r.event);
      } else {
        const r = await eventsApi.unbook(event.id);
        onDone(r.previous === 'booked' ? 'Your booking is cancelled. Thank you for freeing the place.' : 'You have left the waitlist.', r.event);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  let button;
  switch (event.state) {
    case 'open':
      button = <Button appearance="primary" size={size} disabled={busy} onClick={() => void act(true)} aria-label={`Sign up for ${event.title}`}>Sign up</Button>;
      break;
    case 'full':
      button = <Button size={size} disabled={busy} onClick={() => void act(true)} aria-label={`Join the waitlist for ${event.title}`}>Join the waitlist</Button>;
      break;
    case 'booked':
      button = <Button size={size} disabled={busy} onClick={() => void act(false)} aria-label={`Cancel my booking for ${event.title}`}>Cancel booking</Button>;
      break;
    case 'waitlisted':
      button = <Button size={size} disabled={busy} onClick={() => void act(false)} aria-label={`Leave the waitlist for ${event.title}`}>Leave waitlist</Button>;
      break;
    default:
      return null;
  }
  return (
    <span>
      {button}
      {error && (
        <span role="alert" style={{ marginLeft: 8, color: 'var(--colorPaletteRedForeground1)' }}>
          {error}
        </span>
      )}
    </span>
  );
}
