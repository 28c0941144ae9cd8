// What people are sent about feedback without asking (the key that makes it once-only:
// services/feedback/keys.ts).
import type { OutboundMessage } from '../../domain/ports.js';
import type { FeedbackCardView } from '../../contracts/feedback.js';
import { feedbackCard } from './feedback.js';

export function feedbackAskNotice(v: FeedbackCardView): OutboundMessage {
  return {
    text: `Thank you for coming to “${v.title}”. How was it? Two minutes of feedback helps the organiser, and your reflection goes into your CPD record.`,
    card: feedbackCard(v, { notice: 'Thank you for coming. How was it?' }),
  };
}
