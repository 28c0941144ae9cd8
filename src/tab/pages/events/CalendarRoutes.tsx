// Everything under /tab/calendar: the calendar, an event, its edit form and roster, new, import.
import { useLocation } from '../../router';
import { CalendarPage } from './CalendarPage';
import { EventDetail } from './EventDetail';
import { EventForm } from './EventForm';
import { RosterPage } from './RosterPage';
import { ImportPage } from './ImportPage';

export function CalendarRoutes() {
  const { path } = useLocation();
  const rest = path.replace(/^\/tab\/calendar\/?/, '');
  if (rest === 'new') return <EventForm />;
  if (rest === 'import') return <ImportPage />;
  const m = /^event\/([^/]+)(?:\/(edit|roster))?$/.exec(rest);
  if (m) {
    const id = decodeURIComponent(m[1]);
    if (m[2] === 'edit') return <EventForm key={`edit-${id}`} id={id} />;
    if (m[2] === 'roster') return <RosterPage key={`roster-${id}`} id={id} />;
    return <EventDetail key={id} id={id} />;
  }
  return <CalendarPage />;
}
