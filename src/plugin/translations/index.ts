// The translation linking API: also exported from the plugin's entry point.
export { createTranslation, type CreateTranslationArgs } from './createTranslation'
export {
  getGroupVersions,
  getPublishedVersions,
  type GetPublishedVersionsOptions,
  type PublishedVersion,
} from './getPublishedVersions'
export { linkTranslation, type LinkTranslationArgs, type LinkTranslationResult } from './linkTranslation'
export { markTranslationUpToDate, type MarkUpToDateArgs } from './markUpToDate'
export type { TranslationPanelData, TranslationPanelRow } from './panelTypes'
export type { TranslationStatus } from './types'
export { computeTranslationStatus, contentFingerprint } from './status'
export { unlinkTranslation, type UnlinkTranslationArgs } from './unlinkTranslation'
