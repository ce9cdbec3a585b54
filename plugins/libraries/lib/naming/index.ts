// Public surface of the libraries plugin's naming parsers (pure, IO-free path and file-name parsing).
export { type ArtworkContext, type ArtworkInfo, type ArtworkKind, classifyArtwork } from './artwork';
export {
  datedEpisodeOf,
  type ParsedEpisode,
  parseEpisode,
  parseSeriesName,
  parseUnnumberedEpisode,
  type SeriesInfo,
  seasonFromFolder,
} from './episode';
export { chooseExtraOwner, extraOwnerLevels, type OwnerCandidate } from './extra-owner';
export { classifyExtra, classifyExtraIn, type ExtraInfo, type ExtraKind } from './extras';
export { type FileKind, fileKindOf } from './file-types';
export {
  isAudioFile,
  isImageFile,
  isNfoFile,
  isStubFile,
  isSubtitleFile,
  isVideoFile,
  shouldSkip,
  shouldSkipName,
} from './ignore';
export { normaliseLanguage } from './languages';
export { type ParsedMovie, parseMovie, type ThreeDFormat, threeDFormatOf } from './movie';
export { extractProviderIds, type ProviderIds } from './provider-ids';
export { parseSidecar, type SidecarInfo } from './subtitles';
