import type { PostCard as PostCardData } from '@/lib/site/data'

import { getStrings } from '@/lib/site/i18n'

import { PostCard } from './PostCard'

/** "Similar Posts" / "Benzer Yazılar": title, category, date, excerpt. Omitted when empty. */
export function SimilarPosts({ lang, posts }: { lang: string; posts: PostCardData[] }) {
  if (posts.length === 0) return null
  const t = getStrings(lang)
  return (
    <section aria-labelledby="similar-posts-heading" className="similar-posts">
      <h2 id="similar-posts-heading">{t.similarPosts}</h2>
      <ul className="similar-posts__list">
        {posts.map((post) => (
          <li key={post.id}>
            <PostCard headingLevel={3} lang={lang} post={post} showAuthors={false} />
          </li>
        ))}
      </ul>
    </section>
  )
}
