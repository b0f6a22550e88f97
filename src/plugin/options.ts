import type { PolicyPostsAdminTranslations } from './i18n/admin/index'
import type { CollectionSlug, PayloadRequest } from 'payload'

/** A language the site publishes in. */
export interface PolicyPostsLanguage {
  /** BCP 47 code used in URLs and the `language` field, e.g. `en`. */
  code: string
  /** Native name shown to readers, e.g. `Türkçe`. */
  label: string
  /**
   * Postgres text search configuration used for similarity and search.
   * @default 'english' for en, 'turkish' for tr, otherwise 'simple'
   */
  textSearchConfig?: string
}

/** A post whose public pages may have changed, as it is now or as it was before the change. */
export interface ChangedPost {
  id: number | string
  language: null | string
  slug: null | string
  /** The post's authors (their pages list it); only on the changed post itself, not on its group's other versions. */
  authors?: ChangedRecord[]
  /** The post's category (its page lists it); as `authors`. */
  category?: ChangedRecord | null
}

/** An author, category, footnote or media record that changed. */
export interface ChangedRecord {
  id: number | string
  slug: null | string
}

/**
 * What changed, passed to `onContentChange`: the front end turns it into the paths and cache
 * tags it revalidates (the plugin knows no routes).
 */
export interface ContentChangeEvent {
  /** Slug of the collection whose document changed. */
  collection: string
  operation: 'create' | 'delete' | 'update'
  /**
   * Posts whose pages may show something else now: the changed post (before and after, so a
   * changed slug or language names both) and every version of its translation groups.
   */
  posts: ChangedPost[]
  /** Translation groups whose membership or versions changed. */
  groups: (number | string)[]
  authors: ChangedRecord[]
  categories: ChangedRecord[]
  footnotes: ChangedRecord[]
  media: ChangedRecord[]
  req: PayloadRequest
}

/** What `previewUrl` receives: the post being edited, as saved or as currently in the form. */
export interface PreviewablePost {
  id?: number | string
  language?: null | string
  slug?: null | string
}

export interface PolicyPostsSlugs {
  /** @default 'authors' */
  authors?: CollectionSlug | string
  /** @default 'categories' */
  categories?: CollectionSlug | string
  /** @default 'footnotes' */
  footnotes?: CollectionSlug | string
  /** @default 'media' */
  media?: CollectionSlug | string
  /** @default 'posts' */
  posts?: CollectionSlug | string
  /** @default 'translations' */
  translations?: CollectionSlug | string
  /** @default 'users' */
  users?: CollectionSlug | string
}

export interface PolicyPostsOptions {
  /**
   * Turns the plugin's behaviour (hooks, endpoints) off while keeping its schema,
   * so migrations stay stable.
   * @default true
   */
  enabled?: boolean
  /**
   * Languages posts are published in; the first is the default.
   * @default [{ code: 'en', label: 'English' }, { code: 'tr', label: 'Türkçe' }]
   */
  languages?: PolicyPostsLanguage[]
  /**
   * Collection slugs, overridable to avoid clashes with the host project.
   * @default { posts: 'posts', translations: 'translations', authors: 'authors', categories: 'categories', footnotes: 'footnotes', media: 'media', users: 'users' }
   */
  slugs?: PolicyPostsSlugs
  /**
   * Post slugs the front end's own routes use beside posts (e.g. `search` for `/en/search`):
   * an editor's slug from this list is refused, one made from a title gets a suffix (`search-2`).
   * @default []
   */
  reservedSlugs?: string[]
  /**
   * Called after published content changes, with the posts (language and slug), translation
   * groups, authors, categories, footnotes and media concerned; the front end builds the paths
   * and cache tags to revalidate from them. Not called when `req.context.disableRevalidate` is
   * set (seeding, tests, CLI). A failing callback is logged and never fails the save.
   * @default undefined
   */
  onContentChange?: (event: ContentChangeEvent) => Promise<void> | void
  /**
   * URL of a post's draft preview on the front end (the admin's Preview button and Live
   * Preview). Return `null` when the document cannot be previewed yet (no slug).
   * @default undefined (no preview button)
   */
  previewUrl?: (doc: PreviewablePost, context: { req?: PayloadRequest }) => null | string
  /**
   * Admin group label for the plugin's collections.
   * @default 'Publishing'
   */
  adminGroup?: string
  /**
   * Maximum number of endnotes one post may cite.
   * @default 500
   */
  maxEndnotes?: number
  /**
   * Largest post body accepted, in bytes of its rich-text JSON; larger saves are refused
   * with an error naming the `content` field.
   * @default 2_000_000
   */
  maxContentBytes?: number
  /**
   * Cookie settings of the users collection's login cookie (`auth.cookies`): set `secure: true`
   * when the site is served over HTTPS. A host users collection keeps its own settings.
   * @default { sameSite: 'Lax', secure: false }
   */
  authCookies?: { domain?: string; sameSite?: 'Lax' | 'None' | 'Strict'; secure?: boolean }
  /**
   * Admin strings per admin language (`{ de: { translationsHeading: 'Übersetzungen' } }`), merged
   * over the built-in English and Turkish tables; missing keys fall back to English.
   * @default {}
   */
  adminTranslations?: PolicyPostsAdminTranslations
  /**
   * The article importers (.txt and .docx): headings that introduce the key points, per
   * language (a language without an entry accepts every listed name), and the largest file
   * accepted.
   * @default { highlightsHeadings: { en: ['Highlights', 'Key points', …], tr: ['Öne Çıkanlar', …] }, maxFileBytes: 20 MB }
   */
  articleImport?: { highlightsHeadings?: Record<string, string[]>; maxFileBytes?: number }
}

export interface ResolvedPolicyPostsOptions {
  adminGroup: string
  adminTranslations: PolicyPostsAdminTranslations
  articleImport: { highlightsHeadings: Record<string, string[]>; maxFileBytes: number }
  authCookies: { domain?: string; sameSite: 'Lax' | 'None' | 'Strict'; secure: boolean }
  defaultLanguage: string
  enabled: boolean
  languages: Required<PolicyPostsLanguage>[]
  maxContentBytes: number
  maxEndnotes: number
  onContentChange?: PolicyPostsOptions['onContentChange']
  previewUrl?: PolicyPostsOptions['previewUrl']
  reservedSlugs: string[]
  slugs: Required<{ [K in keyof PolicyPostsSlugs]: string }>
}

const defaultLanguages: PolicyPostsLanguage[] = [
  { code: 'en', label: 'English' },
  { code: 'tr', label: 'Türkçe' },
]

const knownTextSearchConfigs: Record<string, string> = {
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  fr: 'french',
  it: 'italian',
  nl: 'dutch',
  pt: 'portuguese',
  ru: 'russian',
  sv: 'swedish',
  tr: 'turkish',
}

const textSearchConfigFor = (code: string): string => knownTextSearchConfigs[code] ?? 'simple'

export const defaultHighlightsHeadings: Record<string, string[]> = {
  en: ['Highlights', 'Key points', 'Key takeaways', 'Key findings', 'Summary points'],
  tr: ['Öne Çıkanlar', 'Öne Çıkan Noktalar', 'Ana Noktalar', 'Önemli Noktalar', 'Temel Noktalar'],
}

const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

/** Applies defaults and validates options; throws `[policy-posts] …` errors at start-up. */
export function resolveOptions(options: PolicyPostsOptions = {}): ResolvedPolicyPostsOptions {
  const languages = (options.languages ?? defaultLanguages).map((language) => ({
    ...language,
    textSearchConfig: language.textSearchConfig ?? textSearchConfigFor(language.code),
  }))
  if (languages.length === 0) {
    throw new Error('[policy-posts] options.languages must list at least one language')
  }
  const seen = new Set<string>()
  for (const language of languages) {
    if (!LANGUAGE_CODE.test(language.code)) {
      throw new Error(`[policy-posts] options.languages: "${language.code}" is not a valid language code`)
    }
    if (!language.label?.trim()) {
      throw new Error(`[policy-posts] options.languages: "${language.code}" needs a label`)
    }
    if (seen.has(language.code)) {
      throw new Error(`[policy-posts] options.languages: "${language.code}" is listed twice`)
    }
    seen.add(language.code)
  }
  const slugs = {
    authors: 'authors',
    categories: 'categories',
    footnotes: 'footnotes',
    media: 'media',
    posts: 'posts',
    translations: 'translations',
    users: 'users',
    ...options.slugs,
  }
  const slugValues = Object.values(slugs)
  if (new Set(slugValues).size !== slugValues.length) {
    throw new Error('[policy-posts] options.slugs must be distinct')
  }
  const maxEndnotes = options.maxEndnotes ?? 500
  if (!Number.isInteger(maxEndnotes) || maxEndnotes < 1) {
    throw new Error('[policy-posts] options.maxEndnotes must be a positive integer')
  }
  const maxContentBytes = options.maxContentBytes ?? 2_000_000
  if (!Number.isInteger(maxContentBytes) || maxContentBytes < 1_000) {
    throw new Error('[policy-posts] options.maxContentBytes must be an integer of at least 1000')
  }
  const authCookies = { sameSite: 'Lax' as const, secure: false, ...options.authCookies }
  if (authCookies.sameSite === 'None' && !authCookies.secure) {
    throw new Error("[policy-posts] options.authCookies: sameSite 'None' requires secure: true")
  }
  const maxFileBytes = options.articleImport?.maxFileBytes ?? 20 * 1024 * 1024
  if (!Number.isInteger(maxFileBytes) || maxFileBytes < 1) {
    throw new Error('[policy-posts] options.articleImport.maxFileBytes must be a positive integer')
  }
  return {
    adminGroup: options.adminGroup ?? 'Publishing',
    articleImport: {
      highlightsHeadings: { ...defaultHighlightsHeadings, ...options.articleImport?.highlightsHeadings },
      maxFileBytes,
    },
    adminTranslations: { ...options.adminTranslations },
    authCookies,
    defaultLanguage: languages[0].code,
    enabled: options.enabled ?? true,
    languages,
    maxContentBytes,
    maxEndnotes,
    onContentChange: options.onContentChange,
    previewUrl: options.previewUrl,
    reservedSlugs: [...(options.reservedSlugs ?? [])],
    slugs,
  }
}
