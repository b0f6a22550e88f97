import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { RichText } from '@payloadcms/richtext-lexical/react'

import type { PageEndnotes } from '@/lib/site/endnotes'
import type { Post } from '@/payload-types'

import { renderStaticMarkup } from '@/lib/site/staticMarkup'

import { createPostConverters } from './converters'

/**
 * The inner HTML of a post's body (`<div class="prose">…</div>` holds it): the post
 * converters' markup, `[label]` endnote references with their hidden previews, as a string.
 */
export function renderPostBodyHtml(content: Post['content'], endnotes: Pick<PageEndnotes, 'referenceFor'>, lang: string): string {
  if (!content) return ''
  return renderStaticMarkup(
    <RichText
      converters={createPostConverters({ endnoteReference: endnotes.referenceFor, lang })}
      data={content as unknown as SerializedEditorState}
      disableContainer
      disableIndent={['listitem']}
    />,
  )
}
