// "Cancel your place?" — asked before a booking or a waitlist place is let go, saying what happens
// to the place. Its own module, loaded when someone reaches for a cancel button (EventBits): the
// Fluent Dialog and the focus trap behind it (tabster) are about a fifth of the calendar's code and
// nobody needs them to see the calendar.
import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { EventView } from './eventsApi';
import { useKeepTabster } from '../../components/keepTabster';

/** What happens to the place if the person lets it go, said before they do. */
export function placeAfterCancelling(v: EventView): string {
  if (v.myStatus === 'waitlisted') return `You are number ${v.myWaitlistPosition ?? '?'} on the waitlist. If you join again later, you go to the back of the queue.`;
  if (v.waitlisted > 0) return 'Your place goes to the first person on the waitlist, who is told at once. If you change your mind, you join the back of the waitlist.';
  return 'You can book again while places are left.';
}

export default function CancelDialog({ event, open, onKeep, onCancel }: { event: EventView; open: boolean; onKeep(): void; onCancel(): void }) {
  useKeepTabster();
  const waitlisted = event.myStatus === 'waitlisted';
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onKeep()}>
      <DialogSurface aria-describedby={`cancel-${event.id}-what`}>
        <DialogBody>
          <DialogTitle>{waitlisted ? `Leave the waitlist for “${event.title}”?` : `Cancel your place on “${event.title}”?`}</DialogTitle>
          <DialogContent>
            <Body1 as="p" id={`cancel-${event.id}-what`}>
              {placeAfterCancelling(event)}
            </Body1>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onKeep}>
              {waitlisted ? 'Stay on the waitlist' : 'Keep my place'}
            </Button>
            <Button appearance="primary" onClick={onCancel}>
              {waitlisted ? 'Leave the waitlist' : 'Cancel my booking'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
