/** Share targets the site links to (plain links, no third-party scripts). */
export type ShareNetwork = 'x' | 'facebook' | 'linkedin' | 'whatsapp' | 'telegram' | 'email'

/**
 * Every piece of UI text the site prints (the plugin's admin strings live in its own i18n). Functions are used
 * where word order differs between languages (Turkish puts the number or name first).
 */
export type UiStrings = {
  alsoAvailableIn: string
  similarPosts: string
  share: string
  /** Accessible label of one share link, e.g. 'Share on LinkedIn'. */
  shareOn: (network: ShareNetwork) => string
  copyLink: string
  linkCopied: string
  /** Subject line of the e-mail share link. */
  emailSubject: (title: string) => string
  endnotes: string
  backToReference: string
  keyPoints: string
  readingTime: (minutes: number) => string
  /** 'Published on 24 December 2025'; `date` is already formatted. */
  publishedOn: (date: string) => string
  /** Prefix before the author names, e.g. 'By'. */
  by: string
  latestPosts: string
  allCategories: string
  category: string
  page: (current: number, total?: number) => string
  previous: string
  next: string
  search: string
  /** Accessible names of the header's search form and the search page's own form (distinct landmarks). */
  siteSearchLabel: string
  searchPageFormLabel: string
  searchPlaceholder: string
  noResults: string
  authorPosts: (name: string) => string
  aboutAuthor: string
  notFoundTitle: string
  notFoundText: string
  previewBanner: string
  languageMenuLabel: string
  homeTitle: string
  feedTitle: string
  skipToContent: string
  /** Button of the preview banner that leaves draft mode. */
  exitPreview: string
  /** Heading of the search page for a query. */
  searchResultsFor: (query: string) => string
  /** Heading over several author boxes. */
  aboutAuthors: string
  /** Accessible name of the n-th back link of a note cited several times. */
  backToReferenceN: (n: number) => string
  /** Conjunction between the last two author names, e.g. 'and'. */
  and: string
  mainNavigation: string
  rssFeed: string
  backToHome: string
  readMore: string
  /** Short visible label of the e-mail share link. */
  emailShort: string
}

/** Per-language partial overrides, e.g. `{ tr: { homeTitle: '…' }, de: { … } }`. */
export type UiStringOverrides = Readonly<Record<string, Partial<UiStrings> | undefined>>
