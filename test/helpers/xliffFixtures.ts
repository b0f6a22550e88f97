import type { Payload } from 'payload'

import { endnoteNode, headingNode, linkNode, listNode, paragraphNode, rootNode, textNode } from '../../src/plugin/utilities/lexicalBuilders'
import { asAdmin, createFootnote } from './fixtures'
import { readXliff } from '../../src/plugin/xliff/read'
import { writeXliff } from '../../src/plugin/xliff/write'
import type { Inline } from '../../src/plugin/xliff/types'

/**
 * An English post with what a translator meets: a heading, bold and italic text, a link, a list,
 * endnote references (one cited twice) and an explanatory note, two highlights and a meta description.
 */
export async function createTranslatablePost(payload: Payload, title: string) {
  const citation = await createFootnote(payload)
  const note = await createFootnote(payload, { citedAuthors: '', note: 'The figures exclude transit trade.', title: '', url: '' })
  const content = rootNode([
    headingNode('h2', [textNode('The corridor')]),
    paragraphNode([
      textNode('Trade grew '),
      textNode('fast', { bold: true }),
      textNode(' after 2022, as '),
      linkNode('https://example.org/report', [textNode('the report', { italic: true })]),
      textNode(' shows.'),
      endnoteNode(citation.id),
    ]),
    paragraphNode([textNode('Transit volumes doubled.'), endnoteNode(note.id), textNode(' Ports expanded.'), endnoteNode(citation.id)]),
    listNode([[textNode('Rail')], [textNode('Shipping')]]),
  ])
  const post = await payload.create({
    ...asAdmin,
    collection: 'posts',
    data: {
      _status: 'published',
      content: content as never,
      highlights: [{ text: 'Trade moved south.' }, { text: 'Ports grew.' }],
      language: 'en',
      meta: { description: 'How the Middle Corridor changed trade.' },
      title,
    },
  })
  return { citation, note, post }
}

/** A stand-in translation that keeps spacing and adds Turkish letters: "Trade grew " → "Trade grew İış ". */
export const turkishOf = (text: string): string => (text.trim() === '' ? text : text.replace(/(\S)(\s*)$/, '$1 İışğ$2'))

/** The file with every unit's target set to its source translated by `translate` (text only; codes kept). */
export function fillTargets(xml: string, translate: (text: string, unit: string) => string = turkishOf): string {
  const read = readXliff(xml)
  const map = (content: Inline[], unit: string): Inline[] =>
    content.map((item) =>
      item.kind === 'text' ? { kind: 'text', text: translate(item.text, unit) } : item.kind === 'pc' ? { ...item, children: map(item.children, unit) } : item,
    )
  return writeXliff({
    ...read,
    units: read.units.map((unit) => ({ codes: {}, context: unit.id, endnotes: [], id: unit.id, source: unit.source, target: map(unit.source, unit.id) })),
  })
}
