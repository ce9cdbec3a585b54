// @bijou/sdk: the only module plugins import. Manifest and plugin definitions, context types, HTTP helpers.
export { Elysia, t } from 'elysia';
export { changeStamp } from '../src/db/change-stamp.ts';
export { HttpError } from '../src/http/errors.ts';
export { fileResponse, notModifiedResponse, type Representation } from '../src/http/file-response.ts';
export {
  fileValidators,
  notModified,
  type Validators,
  variantValidators,
} from '../src/http/file-validators.ts';
export type { FieldProblem } from '../src/http/input-shape.ts';
export { decodeCursor, encodeCursor, PageOf, PageQuery, toPage } from '../src/http/pagination.ts';
export { unknownInputNotes } from '../src/http/unknown-input.ts';
export { type MediaTool, mediaToolPath } from '../src/plugin-host/tools.ts';
export {
  defineManifest,
  type Manifest,
  type ManifestFlag,
  type ManifestJob,
  type Permission,
} from './manifest.ts';
export type {
  Audience,
  AuthUser,
  ConfigOf,
  EnqueueOptions,
  EventMap,
  JobHandler,
  PluginApis,
  PluginContext,
  PluginDefinition,
  PluginJobs,
  PluginQueue,
  QueueHandler,
  QueueOptions,
  StartResult,
} from './types.ts';
export { definePlugin } from './types.ts';
export { SDK_VERSION } from './version.ts';
