// How a person opens a channel in Teams. With the Teams channel id: a channel deep link
// (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-teams);
// without one (a channel only registered locally): the app's own directory page.
import type { Channel } from './channel.js';

export function channelLink(channel: Channel, opts: { teamId?: string; tenantId?: string; publicUrl: string }): { url: string; inTeams: boolean } {
  if (channel.teamsChannelId) {
    const params = new URLSearchParams();
    const group = channel.teamId || opts.teamId;
    if (group) params.set('groupId', group);
    if (opts.tenantId) params.set('tenantId', opts.tenantId);
    const query = params.toString();
    return {
      url: `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.teamsChannelId)}/${encodeURIComponent(channel.name)}${query ? `?${query}` : ''}`,
      inTeams: true,
    };
  }
  return { url: `${opts.publicUrl}/tab/channels?channel=${encodeURIComponent(channel.id)}`, inTeams: false };
}
