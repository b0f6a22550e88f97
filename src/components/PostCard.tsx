import type { PostCard as PostCardData } from '@/lib/site/data'

import { displayAuthorName } from '@/lib/site/authorName'
import { categoryPath, postPath } from '@/lib/site/paths'
import { formatLongDate } from 'payload-policy-posts'

/** A post in a listing: category, title (the link), date, authors and excerpt. */
export function PostCard({
  headingLevel = 2,
  lang,
  post,
  showAuthors = true,
}: {
  headingLevel?: 2 | 3
  lang: string
  post: PostCardData
  showAuthors?: boolean
}) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3'
  const date = formatLongDate(post.publishedAt, lang)
  return (
    <article className="post-card">
      {post.category ? (
        <p className="post-card__category">
          <a href={categoryPath(lang, post.category.slug)}>{post.category.name}</a>
        </p>
      ) : null}
      <Heading className="post-card__title">
        <a href={postPath(post)}>{post.title}</a>
      </Heading>
      <p className="post-card__meta">
        {date ? <time dateTime={post.publishedAt ?? undefined}>{date}</time> : null}
        {showAuthors && post.authors.length > 0 ? (
          <span className="post-card__authors">{post.authors.map((a) => displayAuthorName(a.name, lang)).join(', ')}</span>
        ) : null}
      </p>
      {post.excerpt ? <p className="post-card__excerpt">{post.excerpt}</p> : null}
    </article>
  )
}

export function PostCardList({ lang, posts, showAuthors }: { lang: string; posts: PostCardData[]; showAuthors?: boolean }) {
  return (
    <ul className="post-list">
      {posts.map((post) => (
        <li key={post.id}>
          <PostCard lang={lang} post={post} showAuthors={showAuthors} />
        </li>
      ))}
    </ul>
  )
}
