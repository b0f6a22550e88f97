import type { ShareNetwork, UiStrings } from './types.js'

// Brand names are not translated; only the e-mail label is.
const networkNames: Record<ShareNetwork, string> = {
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  email: 'e-mail',
}

export const en: UiStrings = {
  alsoAvailableIn: 'This post is also available in:',
  similarPosts: 'Similar Posts',
  share: 'Share',
  shareOn: (network) =>
    network === 'email' ? 'Share by e-mail' : `Share on ${networkNames[network] ?? network}`,
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  emailSubject: (title) => `Worth reading: ${title}`,
  endnotes: 'Endnotes',
  accessDate: 'Access Date',
  backToReference: 'Back to reference',
  keyPoints: 'Key points',
  readingTime: (minutes) => `${Math.max(1, Math.round(minutes))} min read`,
  publishedOn: (date) => `Published on ${date}`,
  by: 'By',
  latestPosts: 'Latest Posts',
  allCategories: 'All categories',
  category: 'Category',
  page: (current, total) => (total ? `Page ${current} of ${total}` : `Page ${current}`),
  previous: 'Previous',
  next: 'Next',
  search: 'Search',
  searchPlaceholder: 'Search analyses…',
  noResults: 'No posts found.',
  authorPosts: (name) => `Posts by ${name}`,
  aboutAuthor: 'About the author',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you are looking for does not exist or is no longer published.',
  previewBanner: 'Preview — not published',
  languageMenuLabel: 'Language',
  homeTitle: 'Policy Analyses',
  feedTitle: 'Latest Posts',
  skipToContent: 'Skip to content',
}
