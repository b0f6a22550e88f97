import type { CollectionConfig, Config } from 'payload'

import type { PolicyPostsOptions, ResolvedPolicyPostsOptions } from './options'

import { createAuthorsCollection } from './collections/createAuthorsCollection'
import { createCategoriesCollection } from './collections/createCategoriesCollection'
import { createMediaCollection } from './collections/createMediaCollection'
import { createTranslationsCollection } from './collections/createTranslationsCollection'
import { createFootnotesCollection } from './collections/footnotes/createFootnotesCollection'
import { createPostsCollection } from './collections/posts/createPostsCollection'
import { createUsersCollection } from './collections/users/createUsersCollection'
import { explainBadInputHook } from './hooks/explainBadInput'
import { mergeAdminI18n } from './i18n/admin/index'
import { resolveOptions } from './options'
import { withSearchSchema } from './search/schema'
import { backfillFootnoteTitleKeys } from './collections/footnotes/fillTitleKeys'
import { backfillSearchIndex } from './search/searchIndex'
import { backfillGroupLanguages } from './translations/groupLanguages'
import { withTranslatorDesk } from './translatorDesk/adminComponents'
import { mergeCollection } from './utilities/mergeCollection'

export type { PolicyPostsAdminKey, PolicyPostsAdminTranslations } from './i18n/admin/index'
export type {
  ChangedPost,
  ChangedRecord,
  ContentChangeEvent,
  PolicyPostsLanguage,
  PolicyPostsOptions,
  PolicyPostsSlugs,
  PreviewablePost,
  ResolvedPolicyPostsOptions,
} from './options'
export { resolveOptions } from './options'
export { getPolicyPostsOptions } from './utilities/getPolicyPostsOptions'
export { hasRole, ROLES, type Role } from './access/roles'
export { endnotesField } from './fields/endnotes'
export { EndnoteFeature } from './endnote/feature.server'
export {
  citationParts,
  formatCitation,
  formatDate,
  formatLongDate,
  type CitationInput,
  type CitationLabels,
  type CitationSegment,
} from './endnote/formatCitation'
export { footnoteIdOf, numberEndnotes, type NumberedEndnote } from './endnote/numberEndnotes'
export { endnoteAnchorId, endnoteRefId, toRoman } from './endnote/roman'
export {
  endnoteNode,
  headingNode,
  linkNode,
  listNode,
  paragraphNode,
  quoteNode,
  rootNode,
  textNode,
  type LexicalNode,
  type LexicalRoot,
} from './utilities/lexicalBuilders'
export type { ID } from './utilities/id'
export { languageLabel } from './utilities/languageLabel'
export { relationId } from './utilities/relationId'
export { isHttpUrl, isSafeLinkUrl, LINK_SCHEMES, urlScheme } from './utilities/urlSchemes'
export { slugifyTitle } from './utilities/slugifyTitle'
export {
  computeTranslationStatus,
  createTranslation,
  getGroupVersions,
  getPublishedVersions,
  linkTranslation,
  markTranslationUpToDate,
  unlinkTranslation,
  type CreateTranslationArgs,
  type GetPublishedVersionsOptions,
  type LinkTranslationArgs,
  type LinkTranslationResult,
  type PublishedVersion,
  type TranslationStatus,
} from './translations/index'
export { refreshAllGroupLabels } from './translations/refreshAllGroupLabels'
export { findSimilarPosts, type FindSimilarPostsArgs } from './search/findSimilarPosts'
export { searchPosts, type SearchPostsArgs, type SearchPostsResult } from './search/searchPosts'
export { backfillSearchIndex, updateSearchIndex } from './search/searchIndex'
export { backfillFootnoteTitleKeys } from './collections/footnotes/fillTitleKeys'
export { cancelTermStatisticsCheck } from './search/termStatistics'
export { policyPostsSchemaHooks } from './search/schema'
export { importArticle, type ImportArticleArgs, type ImportArticleResult } from './import/importArticle'
export { importDocx, type DocxImportSucceeded, type ImportDocxArgs, type ImportDocxResult } from './import/importDocx'
export { DocxImportError } from './import/docx/DocxImportError'
export { sniffFile } from './import/docx/sniffFile'
export { importCitations } from './import/citations/importCitations'
export { CitationLibraryError } from './import/citations/readCitationLibrary'

function mergeLocalization(config: Config, options: ResolvedPolicyPostsOptions): Config['localization'] {
  const codes = options.languages.map((language) => language.code)
  if (!config.localization) {
    return {
      defaultLocale: options.defaultLanguage,
      fallback: true,
      locales: options.languages.map(({ code, label }) => ({ code, label })),
    }
  }
  const hostCodes = config.localization.locales.map((locale) => (typeof locale === 'string' ? locale : locale.code))
  const missing = codes.filter((code) => !hostCodes.includes(code))
  if (missing.length > 0) {
    throw new Error(
      `[policy-posts] the host's localization lacks the locale(s) ${missing.join(', ')} used by options.languages; add them to config.localization.locales.`,
    )
  }
  return config.localization
}

/**
 * Turns a Payload + Postgres project into a multilingual policy-publishing CMS: posts with
 * endnotes and linked translations, authors, categories, reusable citations.
 */
export const policyPosts =
  (incoming: PolicyPostsOptions = {}) =>
  (config: Config): Config => {
    const options = resolveOptions(incoming)
    const ours: CollectionConfig[] = [
      createPostsCollection(options),
      createTranslationsCollection(options),
      createAuthorsCollection(options),
      createCategoriesCollection(options),
      createFootnotesCollection(options),
      createMediaCollection(options),
      createUsersCollection(options),
    ]
    const hostCollections = config.collections ?? []
    const hostSlugs = new Set(hostCollections.map((collection) => collection.slug))
    const collections = [
      ...hostCollections.map((collection) => {
        const match = ours.find((candidate) => candidate.slug === collection.slug)
        return match ? mergeCollection(collection, match) : collection
      }),
      ...ours.filter((collection) => !hostSlugs.has(collection.slug)),
    ]
    return {
      ...config,
      admin: {
        ...config.admin,
        components: options.enabled ? withTranslatorDesk(config.admin?.components, options) : config.admin?.components,
        user: config.admin?.user ?? options.slugs.users,
      },
      collections,
      // Front ends read the resolved languages and slugs from here.
      custom: { ...config.custom, policyPosts: options },
      // The full-text table of similar posts and search, through the adapter's schema hooks.
      db: withSearchSchema(config.db, options) as Config['db'],
      // Bad input that only the database notices (draft saves skip validation) is a 400, not a 500.
      hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), explainBadInputHook] },
      // Admin strings as `t('policy-posts:<key>')`, as Payload's own plugins register theirs.
      i18n: mergeAdminI18n(config, options.adminTranslations),
      localization: mergeLocalization(config, options),
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (options.enabled) {
          try {
            const indexed = await backfillSearchIndex(payload)
            if (indexed > 0) payload.logger.info(`[policy-posts] indexed ${indexed} post(s) for similar posts and search`)
          } catch (error) {
            payload.logger.error({ err: error, msg: '[policy-posts] could not index posts for search (is the schema migrated?)' })
          }
          try {
            const keyed = await backfillFootnoteTitleKeys(payload)
            if (keyed > 0) payload.logger.info(`[policy-posts] keyed ${keyed} footnote title(s) for import matching`)
          } catch (error) {
            payload.logger.error({ err: error, msg: '[policy-posts] could not key footnote titles for import matching (is the schema migrated?)' })
          }
          try {
            const held = await backfillGroupLanguages(payload, options)
            if (held > 0) payload.logger.info(`[policy-posts] recorded ${held} translation group language(s)`)
          } catch (error) {
            payload.logger.error({ err: error, msg: '[policy-posts] could not record translation group languages (is the schema migrated?)' })
          }
        }
      },
    }
  }

export default policyPosts
