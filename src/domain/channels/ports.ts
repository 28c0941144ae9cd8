import type { Channel } from './channel.js';

export interface ChannelRepository {
  list(): Promise<Channel[]>;
  get(id: string): Promise<Channel | null>;
  /** Creates a channel; false if the id is taken. */
  create(channel: Channel): Promise<boolean>;
  /** Read-modify-write under the row's ETag; `change` returns the new channel or undefined for no change. */
  update(id: string, change: (current: Channel) => Channel | undefined): Promise<Channel | null>;
}
