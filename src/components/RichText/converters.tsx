import type {
  DefaultNodeTypes,
  SerializedHeadingNode,
  SerializedLinkNode,
  SerializedListItemNode,
  SerializedListNode,
  SerializedUploadNode,
} from '@payloadcms/richtext-lexical'
import type { JSXConverters, JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'
import type { ReactNode } from 'react'

import {
  HorizontalRuleJSXConverter,
  LinebreakJSXConverter,
  TabJSXConverter,
  TableJSXConverter,
  TextJSXConverter,
} from '@payloadcms/richtext-lexical/react'

import type { EndnoteReference } from '@/lib/site/endnotes'
import type { Media } from '@/payload-types'

import { isSafeLinkUrl } from 'payload-policy-posts'
import { postPath } from '@/lib/site/paths'

import { EndnoteRefMarkup } from './EndnoteRefMarkup'

/** The `endnote` inline node of the policy-posts editor feature. */
export type SerializedEndnote = { footnote: unknown; type: 'endnote'; version: number }

export interface PostConvertersArgs {
  /** Page language (internal links, captions). */
  lang: string
  /** Reference data of an endnote node, by node identity (see preparePageEndnotes). */
  endnoteReference: (node: object) => EndnoteReference | undefined
}

type NodeTypes = DefaultNodeTypes | SerializedEndnote

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6'])

const isMedia = (value: unknown): value is Media =>
  !!value && typeof value === 'object' && 'url' in value && 'mimeType' in value

function internalHref(node: SerializedLinkNode): string {
  const doc = node.fields.doc
  const value = doc?.value as { language?: string; slug?: string } | number | string | undefined
  if (value && typeof value === 'object' && value.language && value.slug) {
    return postPath({ language: value.language, slug: value.slug })
  }
  return '#'
}

function Upload({ node }: { node: SerializedUploadNode }): ReactNode {
  const media = node.value
  if (!isMedia(media) || !media.url) return null
  const alt = (node.fields?.alt as string | undefined) || media.alt || ''
  if (!media.mimeType?.startsWith('image/')) {
    return (
      <p>
        <a href={media.url}>{media.filename ?? alt ?? media.url}</a>
      </p>
    )
  }
  const card = media.sizes?.card
  const srcSet = [card?.url && card.width ? `${card.url} ${card.width}w` : null, media.width ? `${media.url} ${media.width}w` : null]
    .filter(Boolean)
    .join(', ')
  const caption = [media.caption, media.credit].filter(Boolean).join(' — ')
  return (
    <figure className="prose-figure">
      {/* width/height reserve the box before the image arrives (no layout shift) */}
      <img
        alt={alt}
        decoding="async"
        height={media.height ?? undefined}
        loading="lazy"
        sizes="(min-width: 48rem) 42rem, 100vw"
        src={media.url}
        srcSet={srcSet || undefined}
        width={media.width ?? undefined}
      />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  )
}

/**
 * JSX converters for post bodies, one per node type: ours for structure and endnotes, the
 * Lexical package's for text formatting, tables, rules and breaks. Exported for other front ends.
 */
// Content saved before the save-time guard may still hold javascript:/data: links; the plugin's
// rule decides, and protocol-relative links ("//host") are refused as well.
export const safeHref = (url: unknown): string =>
  typeof url === 'string' && !url.trim().startsWith('//') && isSafeLinkUrl(url.trim()) ? url.trim() : '#'

export function createPostConverters({ endnoteReference }: PostConvertersArgs): JSXConvertersFunction<NodeTypes> {
  return () => {
    const converters: JSXConverters<NodeTypes> = {
      ...TextJSXConverter,
      ...LinebreakJSXConverter,
      ...TabJSXConverter,
      ...HorizontalRuleJSXConverter,
      ...TableJSXConverter,
      autolink: ({ node, nodesToJSX }) => (
        <a href={safeHref(node.fields.url)} rel="noopener noreferrer">
          {nodesToJSX({ nodes: node.children })}
        </a>
      ),
      endnote: ({ node }) => {
        const reference = endnoteReference(node)
        if (!reference) return null
        return (
          <sup className="noteref" id={reference.refId}>
            {/* U+2060 WORD JOINER: "[iv]" never wraps away from the word it follows */}
            {'\u2060'}
            <EndnoteRefMarkup anchorId={reference.anchorId} label={reference.label} preview={reference.citationText} refId={reference.refId} />
          </sup>
        )
      },
      heading: ({ node, nodesToJSX }: { node: SerializedHeadingNode; nodesToJSX: (a: { nodes: SerializedHeadingNode['children'] }) => ReactNode[] }) => {
        // The post title is the page's only h1: a body h1 is demoted.
        const Tag = (HEADINGS.has(node.tag) ? node.tag : 'h2') as 'h2'
        return <Tag>{nodesToJSX({ nodes: node.children })}</Tag>
      },
      link: ({ node, nodesToJSX }) => {
        const external = node.fields.linkType !== 'internal'
        const href = external ? safeHref(node.fields.url) : internalHref(node)
        const newTab = Boolean(node.fields.newTab)
        return (
          <a href={href} rel={newTab || external ? 'noopener noreferrer' : undefined} target={newTab ? '_blank' : undefined}>
            {nodesToJSX({ nodes: node.children })}
          </a>
        )
      },
      list: ({ node, nodesToJSX }: { node: SerializedListNode; nodesToJSX: (a: { nodes: SerializedListNode['children'] }) => ReactNode[] }) => {
        const children = nodesToJSX({ nodes: node.children })
        if (node.listType === 'number') {
          return <ol start={node.start && node.start !== 1 ? node.start : undefined}>{children}</ol>
        }
        return <ul className={node.listType === 'check' ? 'checklist' : undefined}>{children}</ul>
      },
      listitem: ({ node, nodesToJSX, parent }) => {
        const item = node as SerializedListItemNode
        const children = nodesToJSX({ nodes: item.children })
        const nested = item.children.some((child) => child.type === 'list')
        if ((parent as { listType?: string }).listType === 'check') {
          return (
            <li className={nested ? 'nested' : undefined}>
              <span aria-hidden="true" className="check">
                {item.checked ? '☑' : '☐'}
              </span>{' '}
              {children}
            </li>
          )
        }
        return <li className={nested ? 'nested' : undefined}>{children}</li>
      },
      paragraph: ({ node, nodesToJSX }) => {
        const children = nodesToJSX({ nodes: node.children })
        return children.length > 0 ? <p>{children}</p> : null
      },
      quote: ({ node, nodesToJSX }) => <blockquote>{nodesToJSX({ nodes: node.children })}</blockquote>,
      relationship: () => null,
      unknown: () => null,
      upload: ({ node }) => <Upload node={node} />,
    }
    return converters
  }
}
