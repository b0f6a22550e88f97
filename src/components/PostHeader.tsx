import { formatLongDate } from 'payload-policy-posts'
import { categoryPath } from '@/lib/site/paths'
import { getStrings } from '@/lib/site/i18n'

import { AuthorNames } from './Byline'

export interface PostHeaderProps {
  lang: string
  title: string
  category: { name: string; slug?: null | string } | null
  highlights: string[]
  authors: { name: string; slug?: null | string }[]
  publishedAt?: null | string
  readingMinutes: number
}

/** Category label, title, the key points and the byline (authors, date, reading time). */
export function PostHeader({ authors, category, highlights, lang, publishedAt, readingMinutes, title }: PostHeaderProps) {
  const t = getStrings(lang)
  const date = formatLongDate(publishedAt, lang)
  return (
    <header className="post-header">
      {category ? (
        <p className="post-header__category">
          <a href={categoryPath(lang, category.slug)}>{category.name}</a>
        </p>
      ) : null}
      <h1 className="post-header__title">{title}</h1>
      {highlights.length > 0 ? (
        <section aria-labelledby="key-points-heading" className="highlights">
          <h2 className="visually-hidden" id="key-points-heading">
            {t.keyPoints}
          </h2>
          <ul>
            {highlights.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="byline">
        {authors.length > 0 ? (
          <span className="byline__authors">
            {t.by} <AuthorNames authors={authors} lang={lang} />
          </span>
        ) : null}
        {/* Date and reading time wrap together, so no line starts with the separator. */}
        <span className="byline__details">
          {date ? (
            <span className="byline__meta">
              <time dateTime={publishedAt ?? undefined}>{date}</time>
            </span>
          ) : null}
          <span className="byline__meta">{t.readingTime(readingMinutes)}</span>
        </span>
      </p>
    </header>
  )
}
