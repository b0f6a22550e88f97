import { Fragment } from 'react'

import { displayAuthorName } from '@/lib/site/authorName'
import { authorPath } from '@/lib/site/paths'
import { getStrings } from '@/lib/site/i18n'

/** "A, B and C" with the page language's conjunction, each name a link to the author page. */
export function AuthorNames({ authors, lang }: { authors: { name: string; slug?: null | string }[]; lang: string }) {
  if (authors.length === 0) return null
  const t = getStrings(lang)
  let parts: { type: string; value: string }[]
  try {
    parts = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).formatToParts(authors.map((_, i) => `\u0000${i}`))
  } catch {
    parts = authors.flatMap((_, i) => [
      ...(i > 0 ? [{ type: 'literal', value: i === authors.length - 1 ? ` ${t.and} ` : ', ' }] : []),
      { type: 'element', value: `\u0000${i}` },
    ])
  }
  return (
    <>
      {parts.map((part, index) => {
        if (part.type !== 'element') return <Fragment key={index}>{part.value}</Fragment>
        const author = authors[Number(part.value.slice(1))]
        const name = displayAuthorName(author.name, lang)
        return author.slug ? (
          <a className="byline__author" href={authorPath(lang, author.slug)} key={index}>
            {name}
          </a>
        ) : (
          <span className="byline__author" key={index}>
            {name}
          </span>
        )
      })}
    </>
  )
}
