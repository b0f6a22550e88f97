/** The entries of the sitemap's files: the pages file and a posts file (./sitemapFiles.ts). */
import type { SitemapPost } from './sitemapData'
import type { SitemapEntry } from './sitemapXml'

import { defaultLanguage, siteLanguages } from './languages'
import { authorPath, categoryPath, homePath, postPath } from './paths'
import { hreflangAlternates } from './seo'
import { absoluteUrl } from './siteSettings'

const everyLanguage = (path: (lang: string) => string): Record<string, string> => {
  const languages: Record<string, string> = Object.fromEntries(siteLanguages.map((language) => [language.code, absoluteUrl(path(language.code))]))
  languages['x-default'] = absoluteUrl(path(defaultLanguage))
  return languages
}

/** Each language's home, then the category and author pages in every language. */
export function pagesEntries(categories: { slug?: null | string }[], authors: { slug?: null | string; updatedAt: string }[]): SitemapEntry[] {
  const entries: SitemapEntry[] = []
  for (const language of siteLanguages) {
    entries.push({ alternates: everyLanguage(homePath), changeFrequency: 'daily', priority: 1, url: absoluteUrl(homePath(language.code)) })
  }
  for (const category of categories) {
    for (const language of siteLanguages) {
      entries.push({
        alternates: everyLanguage((lang) => categoryPath(lang, category.slug)),
        changeFrequency: 'weekly',
        priority: 0.5,
        url: absoluteUrl(categoryPath(language.code, category.slug)),
      })
    }
  }
  for (const author of authors) {
    for (const language of siteLanguages) {
      entries.push({
        alternates: everyLanguage((lang) => authorPath(lang, author.slug)),
        changeFrequency: 'monthly',
        lastModified: author.updatedAt,
        priority: 0.4,
        url: absoluteUrl(authorPath(language.code, author.slug)),
      })
    }
  }
  return entries
}

/** Published posts with `hreflang` alternates to their other *published* versions (drafts never appear). */
export function postEntries(posts: SitemapPost[]): SitemapEntry[] {
  return posts.map((post) => ({
    alternates: hreflangAlternates(post.versions, post),
    changeFrequency: 'weekly',
    lastModified: post.updatedAt,
    priority: 0.8,
    url: absoluteUrl(postPath(post)),
  }))
}
