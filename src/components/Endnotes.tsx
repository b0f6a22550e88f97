import type { PageEndnote } from '@/lib/site/endnotes'

import { getStrings } from '@/lib/site/i18n'
import { renderStaticMarkup } from '@/lib/site/staticMarkup'

import { Citation } from './Citation'

/**
 * The endnotes list (DPUB-ARIA `doc-endnotes`): notes in number order, each `li#note-iii` with
 * its label, the citation, and one `doc-backlink` per place the body cites it. Its inner HTML
 * is rendered once per post version with the body (src/lib/site/articleContent.ts).
 */
export function Endnotes({ html }: { html: string }) {
  if (!html) return null
  return <section aria-labelledby="endnotes-heading" className="endnotes" dangerouslySetInnerHTML={{ __html: html }} role="doc-endnotes" />
}

/** The inner HTML of the endnotes section ('' when the post has no notes). */
export function endnotesListHtml(lang: string, notes: PageEndnote[]): string {
  return notes.length === 0 ? '' : renderStaticMarkup(<EndnotesList lang={lang} notes={notes} />)
}

export function EndnotesList({ lang, notes }: { lang: string; notes: PageEndnote[] }) {
  const t = getStrings(lang)
  return (
    <>
      <h2 id="endnotes-heading">{t.endnotes}</h2>
      <ol>
        {notes.map((note) => (
          <li id={note.anchorId} key={note.anchorId} value={note.number}>
            <span className="endnotes__label">{note.label}.</span>{' '}
            <span className="endnotes__body">
              <span className="endnotes__citation">
                <Citation segments={note.citation} />
              </span>
              {note.refIds.length > 0 ? (
                <span className="endnotes__backlinks">
                  {note.refIds.map((refId, index) => (
                    <a className="endnotes__backlink" href={`#${refId}`} key={refId} role="doc-backlink">
                      <span aria-hidden="true">↩{note.refIds.length > 1 ? <sup>{index + 1}</sup> : null}</span>
                      <span className="visually-hidden">
                        {note.refIds.length > 1 ? t.backToReferenceN(index + 1) : t.backToReference}
                      </span>
                    </a>
                  ))}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </>
  )
}
