// Public API and events of the playback plugin (for MQTT and dashboards): active sessions.

/** A playback session as other plugins see it. */
export interface PlaybackSessionInfo {
  sessionId: string;
  userId: string;
  profileId: string;
  itemId: string;
  mode: 'direct' | 'remux' | 'transcode';
  positionSeconds: number;
  durationSeconds: number | null;
  paused: boolean;
  startedAt: string;
}

export interface PlaybackApi {
  /** Sessions that are playing now. */
  active(): PlaybackSessionInfo[];
}

declare module '@bijou/sdk' {
  interface PluginApis {
    playback: PlaybackApi;
  }
  interface EventMap {
    'playback.session.started': PlaybackSessionInfo;
    'playback.session.progressed': PlaybackSessionInfo;
    'playback.session.ended': PlaybackSessionInfo & {
      reason: 'stopped' | 'timeout' | 'terminated' | 'shutdown';
    };
  }
}
