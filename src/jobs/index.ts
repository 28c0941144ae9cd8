// Every job handler, by kind. Areas add theirs here (e.g. 'event.reminders', 'facilitation.offer.expire').
import type { JobHandler } from '../domain/ports.js';
import type { Services } from '../composition/index.js';
import { facilitationJobHandlers } from './facilitation.js';
import { eventRemindersJob } from './eventReminders.js';
import { tellRegistrantsJob } from './eventNews.js';
import { attendanceReadJob, meetingSyncJob } from './eventMeetings.js';
import { ATTENDANCE_KIND, MEETING_KIND, REMINDER_KIND, TELL_REGISTRANTS_KIND } from '../services/events/keys.js';
import { feedbackAskJob } from './feedback.js';
import { FEEDBACK_ASK_KIND } from '../services/feedback/keys.js';

export function allJobHandlers(services: Services): Record<string, JobHandler> {
  return {
    ...facilitationJobHandlers(services),
    [REMINDER_KIND]: eventRemindersJob(services),
    [TELL_REGISTRANTS_KIND]: tellRegistrantsJob(services),
    [FEEDBACK_ASK_KIND]: feedbackAskJob(services),
    [MEETING_KIND]: meetingSyncJob(services),
    [ATTENDANCE_KIND]: attendanceReadJob(services),
  };
}
