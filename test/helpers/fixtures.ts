import type { Payload } from 'payload'

import { endnoteNode, paragraphNode, rootNode, textNode } from 'payload-policy-posts'

export const asAdmin = { overrideAccess: true } as const

/** A body with text and endnote references to the given footnote ids, in order. */
export function bodyCiting(...footnoteIds: (number | string)[]) {
  return rootNode([
    paragraphNode([
      textNode('The corridor gained weight after 2022.'),
      ...footnoteIds.flatMap((id, index) => [endnoteNode(id), textNode(` Sentence ${index + 2}.`)]),
    ]),
  ])
}

let postsCreated = 0

/** A post through the Local API as admin: published unless `draft`, titled `Post N` unless given. */
export async function createPost(payload: Payload, data: Record<string, unknown>, { draft = false } = {}) {
  postsCreated += 1
  return payload.create({
    ...asAdmin,
    collection: 'posts',
    data: { _status: draft ? 'draft' : 'published', title: `Post ${postsCreated}`, ...data } as never,
    draft,
  })
}

export async function createFootnote(payload: Payload, data: Record<string, unknown> = {}) {
  return payload.create({
    ...asAdmin,
    collection: 'footnotes',
    data: {
      accessedAt: '2025-12-24T12:00:00.000Z',
      citedAuthors: 'Emil Avdaliani',
      outlet: 'CEPA',
      title: 'Putin Seeks to Solve His Azerbaijan Problem',
      url: `https://cepa.org/article/${Math.random().toString(36).slice(2)}`,
      ...data,
    },
  })
}

export async function createUser(payload: Payload, role: 'admin' | 'editor' | 'translator', extra: Record<string, unknown> = {}) {
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.test`
  const password = `${role}-password-123`
  const user = await payload.create({
    ...asAdmin,
    collection: 'users',
    data: { email, password, roles: [role], ...extra },
  })
  return { email, password, user }
}
