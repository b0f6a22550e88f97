/**
 * Cache tags of the site's data. The plugin's `onContentChange` (src/lib/revalidateSite.ts)
 * purges them with `revalidateTag` when content is published, changed or unpublished.
 */
export const tags = {
  authors: 'authors',
  categories: 'categories',
  footnotes: 'footnotes',
  group: (id: number | string) => `group:${id}`,
  media: 'media',
  post: (id: number | string) => `post:${id}`,
  posts: 'posts',
} as const
