import type { Author, Media } from '@/payload-types'

import { displayAuthorName } from '@/lib/site/authorName'
import { authorPath } from '@/lib/site/paths'
import { getStrings } from '@/lib/site/i18n'

import { AuthorAvatar } from './AuthorAvatar'

const asMedia = (value: unknown): Media | null => (value && typeof value === 'object' ? (value as Media) : null)

/** One box per author: photo, name (linking to the author page), role and bio in the page language. */
export function AuthorBoxes({ authors, lang }: { authors: Author[]; lang: string }) {
  if (authors.length === 0) return null
  const t = getStrings(lang)
  return (
    <section aria-labelledby="about-authors-heading" className="author-boxes">
      <h2 id="about-authors-heading">{authors.length > 1 ? t.aboutAuthors : t.aboutAuthor}</h2>
      {authors.map((author) => (
        <div className="author-box" key={author.id}>
          <AuthorAvatar name={author.name} photo={asMedia(author.photo)} />
          <div className="author-box__text">
            <h3 className="author-box__name">
              <a href={authorPath(lang, author.slug)}>{displayAuthorName(author.name, lang)}</a>
            </h3>
            {author.role ? <p className="author-box__role">{author.role}</p> : null}
            {author.bio ? <p className="author-box__bio">{author.bio}</p> : null}
          </div>
        </div>
      ))}
    </section>
  )
}
