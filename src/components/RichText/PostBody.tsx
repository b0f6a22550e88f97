/**
 * The body of a post: HTML rendered once per post version (src/lib/site/articleContent.ts)
 * and injected as it is, so a render costs one string instead of a React tree of its nodes.
 */
export function PostBody({ html }: { html: string }) {
  if (!html) return null
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
}
