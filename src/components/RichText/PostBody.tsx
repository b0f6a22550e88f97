import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { RichText } from '@payloadcms/richtext-lexical/react'

import type { PageEndnotes } from '@/lib/site/endnotes'
import type { Post } from '@/payload-types'

import { createPostConverters } from './converters'

/** The body of a post, with `[label]` endnote references and their previews. */
export function PostBody({ content, endnotes, lang }: { content: Post['content']; endnotes: PageEndnotes; lang: string }) {
  if (!content) return null
  return (
    <RichText
      className="prose"
      converters={createPostConverters({ endnoteReference: endnotes.referenceFor, lang })}
      data={content as unknown as SerializedEditorState}
      disableIndent={['listitem']}
    />
  )
}
