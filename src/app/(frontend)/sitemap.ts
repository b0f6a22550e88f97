import type { MetadataRoute } from 'next'

import { listAllPublished, listAuthors, listCategories } from '@/lib/site/data'
import { defaultLanguage, siteLanguages } from '@/lib/site/languages'
import { authorPath, categoryPath, homePath, postPath } from '@/lib/site/paths'
import { hreflangAlternates } from '@/lib/site/seo'
import { absoluteUrl } from '@/lib/site/siteSettings'

// Per request from the tagged data cache: `next build` runs without a database.
export const dynamic = 'force-dynamic'

const everyLanguage = (path: (lang: string) => string): Record<string, string> => {
  const languages: Record<string, string> = Object.fromEntries(
    siteLanguages.map((language) => [language.code, absoluteUrl(path(language.code))]),
  )
  languages['x-default'] = absoluteUrl(path(defaultLanguage))
  return languages
}

/**
 * `/sitemap.xml`: each language's home, every published post with `hreflang` alternates to its
 * other *published* versions (drafts never appear), and the author and category pages.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [posts, authors, categories] = await Promise.all([listAllPublished(), listAuthors(), listCategories(defaultLanguage)])
  const byGroup = new Map<string, typeof posts>()
  for (const post of posts) {
    if (post.group === null) continue
    const key = String(post.group)
    byGroup.set(key, [...(byGroup.get(key) ?? []), post])
  }
  const entries: MetadataRoute.Sitemap = []
  for (const language of siteLanguages) {
    entries.push({
      alternates: { languages: everyLanguage(homePath) },
      changeFrequency: 'daily',
      priority: 1,
      url: absoluteUrl(homePath(language.code)),
    })
  }
  for (const post of posts) {
    const versions = post.group === null ? [post] : (byGroup.get(String(post.group)) ?? [post])
    entries.push({
      alternates: { languages: hreflangAlternates(versions, post) },
      changeFrequency: 'weekly',
      lastModified: new Date(post.updatedAt),
      priority: 0.8,
      url: absoluteUrl(postPath(post)),
    })
  }
  for (const category of categories) {
    for (const language of siteLanguages) {
      entries.push({
        alternates: { languages: everyLanguage((lang) => categoryPath(lang, category.slug)) },
        changeFrequency: 'weekly',
        priority: 0.5,
        url: absoluteUrl(categoryPath(language.code, category.slug)),
      })
    }
  }
  for (const author of authors) {
    for (const language of siteLanguages) {
      entries.push({
        alternates: { languages: everyLanguage((lang) => authorPath(lang, author.slug)) },
        changeFrequency: 'monthly',
        lastModified: new Date(author.updatedAt),
        priority: 0.4,
        url: absoluteUrl(authorPath(language.code, author.slug)),
      })
    }
  }
  return entries
}
