import type { Metadata } from 'next'
import type { Article, WithContext } from 'schema-dts'

import type { Media } from '../../payload-types'
import type { PostPageData } from './postPage'

import { displayAuthorName } from './authorName'
import { defaultLanguage, ogLocale, siteLanguages } from './languages'
import { authorPath, feedPath, postPath } from './paths'
import { absoluteUrl, siteSettings } from './siteSettings'
import { postExcerpt } from './text'

const languageOrder = (code: string) => {
  const index = siteLanguages.findIndex((language) => language.code === code)
  return index === -1 ? siteLanguages.length : index
}

/** hreflang map: every published version plus `x-default` (the default language's, else this one). */
export function hreflangAlternates(
  versions: { language: string; slug: string }[],
  self: { language: string; slug: string },
): Record<string, string> {
  const languages: Record<string, string> = {}
  for (const version of [...versions].sort((a, b) => languageOrder(a.language) - languageOrder(b.language))) {
    languages[version.language] = absoluteUrl(postPath(version))
  }
  languages['x-default'] = languages[defaultLanguage] ?? absoluteUrl(postPath(self))
  return languages
}

function shareImage(image: unknown): { alt: string; height?: number; url: string; width?: number } | null {
  if (!image || typeof image !== 'object') return null
  const media = image as Media
  const og = media.sizes?.og
  const url = og?.url || media.url
  if (!url) return null
  return {
    alt: media.alt ?? '',
    height: (og?.url ? og.height : media.height) ?? undefined,
    url: url.startsWith('http') ? url : absoluteUrl(url),
    width: (og?.url ? og.width : media.width) ?? undefined,
  }
}

function postDescription(data: PostPageData): string {
  return postExcerpt(data.post)
}

/** `<head>` of a post: canonical, hreflang alternates, Open Graph, Twitter. */
export function postMetadata(data: PostPageData): Metadata {
  const { authors, category, isPreview, lang, post, versions } = data
  const self = { language: post.language, slug: post.slug ?? '' }
  const url = absoluteUrl(postPath(self))
  const description = postDescription(data)
  const image = shareImage(post.meta?.image)
  const others = versions.filter((version) => version.language !== lang).map((version) => ogLocale(version.language))
  return {
    alternates: {
      canonical: url,
      languages: hreflangAlternates(versions, self),
      types: { 'application/rss+xml': absoluteUrl(feedPath(lang)) },
    },
    authors: authors.map((author) => ({ name: author.name, url: absoluteUrl(authorPath(lang, author.slug)) })),
    description,
    openGraph: {
      alternateLocale: others,
      authors: authors.map((author) => absoluteUrl(authorPath(lang, author.slug))),
      description,
      images: image ? [image] : undefined,
      locale: ogLocale(lang),
      modifiedTime: post.updatedAt,
      publishedTime: post.publishedAt ?? undefined,
      section: category?.name,
      siteName: siteSettings.siteName,
      title: post.title,
      type: 'article',
      url,
    },
    robots: isPreview ? { follow: false, index: false } : undefined,
    title: post.title,
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      description,
      images: image ? [image.url] : undefined,
      title: post.title,
    },
  }
}

/** schema.org `Article` with authors, language and the endnotes as `citation`s. */
export function articleJsonLd(data: PostPageData): WithContext<Article> {
  const { authors, category, endnotes, lang, post } = data
  const url = absoluteUrl(postPath({ language: post.language, slug: post.slug ?? '' }))
  const image = shareImage(post.meta?.image)
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    articleSection: category?.name,
    author: authors.map((author) => ({
      '@type': 'Person',
      jobTitle: author.role ?? undefined,
      name: displayAuthorName(author.name, lang, false),
      url: absoluteUrl(authorPath(lang, author.slug)),
    })),
    citation: endnotes.notes
      .filter((note) => note.footnote)
      .map((note) => ({
        '@type': 'CreativeWork',
        datePublished: note.footnote?.publishedAt ?? undefined,
        description: note.citationText,
        name: note.footnote?.title || note.citationText,
        publisher: note.footnote?.outlet ? { '@type': 'Organization', name: note.footnote.outlet } : undefined,
        url: note.footnote?.url ?? undefined,
      })),
    dateModified: post.updatedAt,
    datePublished: post.publishedAt ?? undefined,
    description: postDescription(data),
    headline: post.title,
    image: image?.url,
    inLanguage: lang,
    mainEntityOfPage: url,
    publisher: { '@type': 'Organization', name: siteSettings.siteName, url: absoluteUrl('/') },
    url,
  }
}
