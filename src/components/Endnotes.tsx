import type { PageEndnote } from '@/lib/site/endnotes'

import { getStrings } from '@/lib/site/i18n'

import { Citation } from './Citation'

/**
 * The endnotes list (DPUB-ARIA `doc-endnotes`): notes in number order, each `li#note-iii` with
 * its label, the citation, and one `doc-backlink` per place the body cites it.
 */
export function Endnotes({ lang, notes }: { lang: string; notes: PageEndnote[] }) {
  if (notes.length === 0) return null
  const t = getStrings(lang)
  return (
    <section aria-labelledby="endnotes-heading" className="endnotes" role="doc-endnotes">
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
    </section>
  )
}
