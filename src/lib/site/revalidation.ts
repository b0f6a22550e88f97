import type { ContentChangeEvent } from 'payload-policy-posts'

import { tags } from './cacheTags'
import { siteLanguages } from './languages'
import { authorPath, categoryPath, feedPath, homePath, postPath, sitemapPath } from './paths'

export type ContentChange = Omit<ContentChangeEvent, 'req'>

/**
 * The pages and cache tags of this site that can show what changed:
 * - a post: its own page and those of every version in its group (their language switches),
 *   its language's listing and feed, its authors' and category's pages in its language, the
 *   sitemap; tags `posts`, `post:<id>`, `group:<id>`;
 * - an author or category: its page in every language (tags `authors`, `authors:<id>` …);
 *   the post pages that embed it are purged by those tags;
 * - a footnote or media record: its tags only.
 */
export function revalidationTargets(change: ContentChange): { paths: string[]; tags: string[] } {
  const paths = new Set<string>()
  const found = new Set<string>()
  if (change.posts.length > 0 || change.groups.length > 0) {
    found.add(tags.posts)
    paths.add(sitemapPath)
  }
  for (const post of change.posts) {
    found.add(tags.post(post.id))
    if (!post.language) continue
    if (post.slug) paths.add(postPath({ language: post.language, slug: post.slug }))
    paths.add(homePath(post.language))
    paths.add(feedPath(post.language))
    // The author and category pages in the post's language list it.
    for (const author of post.authors ?? []) if (author.slug) paths.add(authorPath(post.language, author.slug))
    if (post.category?.slug) paths.add(categoryPath(post.language, post.category.slug))
  }
  for (const group of change.groups) found.add(tags.group(group))
  const records = { authors: change.authors, categories: change.categories, footnotes: change.footnotes, media: change.media }
  for (const [kind, list] of Object.entries(records) as [keyof typeof records, typeof change.authors][]) {
    if (list.length === 0) continue
    found.add(tags[kind])
    for (const record of list) {
      found.add(`${kind}:${record.id}`)
      if (!record.slug) continue
      for (const { code } of siteLanguages) {
        if (kind === 'authors') paths.add(authorPath(code, record.slug))
        if (kind === 'categories') paths.add(categoryPath(code, record.slug))
      }
    }
  }
  return { paths: [...paths], tags: [...found] }
}
