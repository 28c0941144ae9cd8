// Small pieces shared by the calendar, event detail and my bookings: the person's state as a
// badge, and the one booking button that fits it — its accessible name is its visible words plus
// the event's title, cancelling asks first and says what happens to the place, and what it did is
// shown right beside it.
import { Suspense, lazy, useState } from 'react';
import { Badge, Button, makeStyles, type BadgeProps } from '@fluentui/react-components';
import { eventsApi, type EventView } from './eventsApi';
import { formatDay, londonDay } from './london';
import { InlineResult, errorText, type ActionResult } from '../../components/InlineResult';

// The confirm-cancel dialog loads when someone reaches for a cancel button (pointer over it, focus,
// or the click itself): the calendar's first load stays without Fluent's Dialog.
const CancelDialog = lazy(() => import('./CancelDialog'));

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

const useStyles = makeStyles({
  wrap: { display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', maxWidth: '100%' },
});

/**
 * Sign up, join the waitlist, cancel or leave it — whichever fits. `onDone` gets the event as the
 * action left it, so lists change at once; the result is shown beside the button.
 */
export function BookingButton({ event, onDone, size }: { event: EventView; onDone: (updated: EventView) => void; size?: 'small' | 'medium' }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  // Whether the dialog has been wanted yet; from then on it stays mounted and `open` shows or hides it.
  const [wanted, setWanted] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const act = async (book: boolean) => {
    setBusy(true);
    setAsking(false);
    setResult(null);
    try {
      if (book) {
        const r = await eventsApi.book(event.id);
        setResult({ intent: 'success', text: r.status === 'booked' ? `You’re booked on “${event.title}”.` : `“${event.title}” is full: you’re on the waitlist, #${r.position}. If a place comes up you’re booked and told.` });
        onDone(r.event);
      } else {
        const r = await eventsApi.unbook(event.id);
        const promoted = r.previous === 'booked' && event.waitlisted > 0;
        setResult({
          intent: 'success',
          text: r.previous === 'booked' ? `Your booking is cancelled. ${promoted ? 'Your place has gone to the first person on the waitlist.' : 'You can book again while places are left.'}` : 'You have left the waitlist.',
        });
        onDone(r.event);
      }
    } catch (e) {
      setResult({ intent: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  let words: string;
  let book = true;
  let primary = false;
  switch (event.state) {
    case 'open':
      words = 'Sign up';
      primary = true;
      break;
    case 'full':
      words = 'Join the waitlist';
      break;
    case 'booked':
      words = 'Cancel my booking';
      book = false;
      break;
    case 'waitlisted':
      words = 'Leave the waitlist';
      book = false;
      break;
    default:
      return result ? <InlineResult result={result} /> : null;
  }
  return (
    <span className={styles.wrap}>
      <Button
        appearance={primary ? 'primary' : 'secondary'}
        size={size}
        disabled={busy}
        onPointerEnter={() => !book && setWanted(true)}
        onFocus={() => !book && setWanted(true)}
        onClick={() => {
          if (book) return void act(true);
          setWanted(true);
          setAsking(true);
        }}
        aria-label={`${words} for ${event.title}`}
      >
        {words}
      </Button>
      <InlineResult result={result} />
      {/* Kept mounted once wanted and closed through `open`, so it can play its closing motion and
          hand focus back to the button. */}
      {wanted && (
        <Suspense fallback={null}>
          <CancelDialog event={event} open={asking} onKeep={() => setAsking(false)} onCancel={() => void act(false)} />
        </Suspense>
      )}
    </span>
  );
}
