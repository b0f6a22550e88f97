import type { CollectionBeforeValidateHook } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../../../options'

import { fieldError } from '../../../utilities/fieldError'
import { isSafeLinkUrl } from '../../../utilities/urlSchemes'

/** Every link URL in a Lexical tree (link, autolink and any node with `fields.url` or `url`). */
function collectLinkUrls(node: unknown, found: string[] = [], depth = 0): string[] {
  if (!node || typeof node !== 'object' || depth > 200) return found
  const record = node as Record<string, unknown>
  const fields = record.fields as Record<string, unknown> | undefined
  if (typeof fields?.url === 'string') found.push(fields.url)
  if (typeof record.url === 'string' && (record.type === 'link' || record.type === 'autolink')) found.push(record.url)
  const children = record.children ?? (record.root ? [record.root] : undefined)
  if (Array.isArray(children)) for (const child of children) collectLinkUrls(child, found, depth + 1)
  return found
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`

/**
 * Refuses, before anything else runs, a body that is not a rich-text object, one larger than
 * `maxContentBytes` (as JSON), and links with a scheme other than http, https, mailto or tel.
 * The error names the `content` field (a 400 like Payload's own validation errors).
 */
export const checkContentSafetyHook =
  (options: ResolvedPolicyPostsOptions): CollectionBeforeValidateHook =>
  ({ collection, data, req }) => {
    const content = data?.content
    if (content === undefined || content === null) return data
    const slug = collection.slug
    if (typeof content !== 'object' || Array.isArray(content) || !('root' in content)) {
      throw fieldError(slug, 'content', 'The body must be a rich-text document (an object with a "root" node).', req)
    }
    const size = Buffer.byteLength(JSON.stringify(content), 'utf8')
    if (size > options.maxContentBytes) {
      throw fieldError(
        slug,
        'content',
        `The body is too large: ${megabytes(size)} of rich text; at most ${megabytes(options.maxContentBytes)} is allowed. Split the analysis into parts.`,
        req,
      )
    }
    const unsafe = collectLinkUrls(content).find((url) => !isSafeLinkUrl(url))
    if (unsafe !== undefined) {
      throw fieldError(
        slug,
        'content',
        `Links in the body must use http, https, mailto or tel (or be relative); refused: "${unsafe.slice(0, 80)}".`,
        req,
      )
    }
    return data
  }
