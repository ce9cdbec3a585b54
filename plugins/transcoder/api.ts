// Public API of the transcoder plugin: hardware capabilities, transcode slots, on-demand HLS encodes, ffprobe
// helpers and optimized versions, for the playback plugin.

/** A hardware (or software) acceleration family. */
export type Accel = 'vaapi' | 'qsv' | 'nvenc' | 'software';
/** Video codecs the transcoder can produce. */
export type VideoCodec = 'h264' | 'hevc';

/** One encoder that was tried at boot. */
export interface CandidateResult {
  accel: Accel;
  codec: VideoCodec;
  encoder: string;
  /** Whether `ffmpeg -encoders` lists it (compiled in); says nothing about the hardware. */
  listed: boolean;
  /** The one-second test encode succeeded. */
  ok: boolean;
  /** Why it is unusable: ffmpeg's own error lines, or why it was not tried. */
  error: string | null;
  /** A short explanation of a known failure, e.g. "NVIDIA driver not loaded". */
  hint: string | null;
  ms: number;
}

/** The encoder chosen for a codec. */
export interface EncoderChoice {
  accel: Accel;
  encoder: string;
}

/** What the boot probe found. */
export interface Capabilities {
  state: 'probing' | 'ready' | 'failed';
  probedAt: string | null;
  ffmpegVersion: string | null;
  hwaccels: string[];
  renderNodes: string[];
  nvidia: boolean;
  order: Accel[];
  candidates: CandidateResult[];
  /** Per codec, the first working candidate in `order`; null when none works. */
  chosen: Record<VideoCodec, EncoderChoice | null>;
  error: string | null;
}

/** Video of an HLS stream: copied from the source or encoded to a rung of the ladder. */
export type HlsVideo =
  | { mode: 'copy' }
  | {
      mode: 'encode';
      codec: VideoCodec;
      width: number;
      height: number;
      /** Target bits per second. */
      bitrate: number;
      /** H.264 profile and level the encoder is held to (so the master playlist's CODECS is true). */
      profile: 'high' | 'main';
      level: string;
    };

/** Audio of an HLS stream, by ffprobe stream index in the source. */
export type HlsAudio =
  | { mode: 'copy'; streamIndex: number }
  | { mode: 'encode'; streamIndex: number; bitrate: number; channels: number };

/** Everything needed to (re)start the encode of one stream at any segment. */
export interface HlsStreamSpec {
  /** Source path: from a libraries_files row or an optimized version, never from a request. */
  input: string;
  /** Segment i spans boundaries[i]..boundaries[i + 1] seconds; the last entry is the end of the media. */
  boundaries: number[];
  video: HlsVideo;
  audio: HlsAudio | null;
  /** Source frame rate (pins the GOP on encoders that cannot force keyframes); null when unknown. */
  frameRate: number | null;
}

/** Facts read with ffprobe that the library does not store: start time, video profile/level, keyframes. */
export interface MediaInspection {
  startTime: number;
  video: { codec: string; profile: string | null; level: number | null; frameRate: number | null } | null;
  /** Keyframe times in seconds from the start (start time subtracted); null when not asked or not read. */
  keyframes: number[] | null;
}

/** A file that optimization may pre-transcode (resolved by the plugin that knows the library). */
export interface SourceFile {
  /** Stable key of the source (a libraries file id). */
  key: string;
  path: string;
  size: number;
  mtimeMs: number;
  durationSeconds: number | null;
  height: number | null;
}

/** Maps "a library" or "an item" to its source files; null when the target is unknown. */
export type SourceResolver = (target: { libraryId?: string; itemId?: string }) => SourceFile[] | null;

/** A finished optimized version of a source file. */
export interface OptimizedVersion {
  id: string;
  profileId: string;
  profileName: string;
  sourceKey: string;
  path: string;
  size: number;
  container: 'mp4';
  videoCodec: VideoCodec;
  audioCodec: 'aac';
  width: number | null;
  height: number | null;
  bitrate: number;
}

export interface TranscoderApi {
  /**
   * Where media time 0 lands in HLS segments (seconds of MPEG-TS PTS): ffmpeg's mpegts muxer shifts timestamps
   * by twice its default 0.7 s mux delay. WebVTT for HLS maps cue time 0 to this with X-TIMESTAMP-MAP.
   */
  readonly timestampOffsetSeconds: number;
  /** The boot probe's results so far. */
  capabilities(): Capabilities;
  /** Resolves when the boot probe has finished. */
  probed(): Promise<Capabilities>;
  /** Readiness for `/v1/health?probe=ready`: ready once the probe found a working H.264 encoder. */
  readiness(): { ready: boolean; detail: string };
  /** The encoder used for a codec now (software until the probe says otherwise). */
  encoderFor(codec: VideoCodec): EncoderChoice;
  /** Transcode slots in use and the configured cap. */
  capacity(): { active: number; max: number };
  /** Takes a transcode slot for `owner` (idempotent); false when every slot is taken. */
  reserve(owner: string): boolean;
  /** Seconds a client should wait before asking again when `reserve` failed. */
  retryAfterSeconds(): number;
  /**
   * The path of a finished segment of `stream` (a quality of `owner`), encoding it when needed: served from
   * disk when done, awaited when the running encode is about to produce it, otherwise ffmpeg restarts at it.
   * Rejects with a RangeError for an index outside the boundaries, with an error carrying `retryAfterSeconds`
   * when an encode needs a slot and none is free, with an error carrying `stopped: true` once `stop(owner)` was
   * called (no ffmpeg is started for a stopped owner), and with any other error when ffmpeg failed.
   */
  segment(
    owner: string,
    stream: string,
    spec: HlsStreamSpec,
    index: number,
    o?: { windowSegments?: number; waitMs?: number },
  ): Promise<string>;
  /** Restarts the encode of `stream` at a segment unless it is done or about to be (used on seek). */
  prepare(owner: string, stream: string, spec: HlsStreamSpec, index: number, windowSegments?: number): void;
  /**
   * Kills `owner`'s ffmpeg (after any start under way), frees its slot and deletes its segments; later requests
   * for the owner are refused.
   */
  stop(owner: string): Promise<void>;
  /** ffmpeg processes running now, by owner (for admin views and tests). */
  running(): { owner: string; stream: string; startSegment: number; pid: number }[];
  /** Reads start time, video profile/level and (optionally) keyframes; null on failure or timeout. */
  inspect(path: string, o?: { keyframes?: boolean; timeoutMs?: number }): Promise<MediaInspection | null>;
  /** Converts a text subtitle (a sidecar file, or stream `streamIndex` of a media file) to WebVTT text. */
  toWebVtt(input: string, streamIndex: number | null): Promise<string>;
  /** Registers how optimization finds the files of a library or item; returns an unregister function. */
  setSourceResolver(resolver: SourceResolver): () => void;
  /** Finished optimized versions of these sources whose source is unchanged. */
  versionsOf(sources: { key: string; size: number; mtimeMs: number }[]): OptimizedVersion[];
}

declare module '@bijou/sdk' {
  interface PluginApis {
    transcoder: TranscoderApi;
  }
  interface EventMap {
    'transcoder.probe.finished': { chosen: Record<VideoCodec, EncoderChoice | null> };
    'transcoder.version.finished': { versionId: string; sourceKey: string; state: 'done' | 'failed' };
  }
}
