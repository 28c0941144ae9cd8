// Installing the app for someone the bot has no chat with, so a notice about their own booking can
// reach them ("App Not Installed" is the commonest reason messages never arrive). The rules:
// - only for notices the person caused: `reminder` and `booking` exist only because they booked a
//   place or joined a waitlist themselves (reminders, promotions, changes and cancellations of
//   their booking). Notices about other people's actions (a lead told of a new member, a proposal
//   for coordinators, a new lead appointed), facilitation pool offers and anything broadcast never
//   install the app;
// - at most once per person, ever (recorded before Graph is asked, so two workers cannot both try);
// - never for someone who removed the app themselves (recorded from the removal Teams sends).
import type { UserId } from '../people/person.js';

/** Kinds of notice whose recipient caused them (see above). */
export const INSTALL_KINDS: readonly string[] = ['reminder', 'booking'];

export const installsFor = (kind: string): boolean => INSTALL_KINDS.includes(kind);

/**
 * What is on record about the app and a person: `installing` (claimed, Graph asked), `installed`
 * (by us or by them), `refused` (Graph said no: policy, blocked, not found), `removed` (they removed
 * it themselves — never installed for them again).
 */
export type InstallState = 'installing' | 'installed' | 'refused' | 'removed';

export interface InstallRecord {
  userId: UserId;
  state: InstallState;
  /** Who made it so: the app through Graph, or the person in Teams. */
  by: 'app' | 'person';
  /** Short machine reason for a refusal (http-403, not-found…), never personal data. */
  reason?: string;
  at: Date;
}

export interface InstallRecords {
  get(userId: UserId): Promise<InstallRecord | null>;
  /** Records that the app is about to install for the person; false when anything is on record already. */
  claim(userId: UserId, at: Date): Promise<boolean>;
  /** Sets the outcome (overwrites). */
  set(record: InstallRecord): Promise<void>;
  /** Forgets a claim whose Graph call did not get an answer (throttled, unreachable): tried again later. */
  release(userId: UserId): Promise<void>;
  /** "Forget me": the person's row goes. */
  erase(userId: UserId): Promise<void>;
}

/** What installing answered: ready to open the chat, or why not. */
export type InstallOutcome = 'installed' | 'refused' | 'removed' | 'already-tried' | 'off';

/** The Teams side: installs the app for a person (Graph), once, by the rules above. */
export interface AppInstaller {
  /** 'installed' when the app is (now) installed for them; otherwise why it is not. Throws DeliveryError when Graph gave no answer yet (throttled, unreachable). */
  ensureInstalled(userId: UserId): Promise<InstallOutcome>;
}
