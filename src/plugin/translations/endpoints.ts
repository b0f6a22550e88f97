import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { TranslationPanelData, TranslationPanelRow } from './panelTypes'
import type { PostLike } from './types'
import type { ID } from '../utilities/id'

import { canEditLanguage } from '../access/canEditLanguage'
import { canPublish } from '../access/canPublish'
import { hasRole } from '../access/roles'
import { fieldError } from '../utilities/fieldError'
import { relationId } from '../utilities/relationId'
import { createTranslation } from './createTranslation'
import { forbidden } from './errors'
import { linkTranslation } from './linkTranslation'
import { markTranslationUpToDate } from './markUpToDate'
import { groupMembers, loadPost } from './members'
import { livePosts } from './publicLinks'
import { unlinkTranslation } from './unlinkTranslation'

function requireStaff(req: PayloadRequest): void {
  if (!hasRole(req.user, 'admin', 'editor', 'translator')) {
    throw forbidden(req.user ? 'Only newsroom staff manage translations.' : 'You must be logged in to manage translations.')
  }
}

function idParam(req: PayloadRequest, raw: unknown, path = 'id'): ID {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? raw.trim() : ''
  if (value === '') throw fieldError('posts', path, `A post id is required in "${path}".`, req)
  if (req.payload.db.defaultIDType === 'number') {
    const number = Number(value)
    if (!Number.isInteger(number)) throw fieldError('posts', path, `"${String(value)}" is not a post id.`, req)
    return number
  }
  return value
}

async function body(req: PayloadRequest): Promise<Record<string, unknown>> {
  await addDataAndFileToRequest(req)
  return (req.data ?? {}) as Record<string, unknown>
}

/** The panel's view of a post's translation group. */
async function translationPanelData(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  id: ID,
): Promise<TranslationPanelData | undefined> {
  const post = await loadPost(req, options, id)
  if (!post) return undefined
  const group = relationId(post.translationGroup)
  const members = group === undefined ? [post] : await groupMembers(req, options, group)
  if (!members.some((member) => String(member.id) === String(post.id))) members.push(post)
  // Published rows tell whether a version with a pending draft is live.
  const live = await livePosts(req, options, { ids: members.map((member) => member.id) })
  const rows = options.languages.map(({ code, label }): TranslationPanelRow => {
    const member = members.find((candidate) => candidate.language === code) as PostLike | undefined
    return {
      canCreate: !member && canEditLanguage(req.user, code),
      canLink: !member && (canEditLanguage(req.user, code) || canEditLanguage(req.user, post.language)),
      code,
      label,
      version: member && {
        canEdit: canEditLanguage(req.user, member.language),
        // The same rule as `assertMayChangePublicLinks`, so translators see no button that would fail.
        canUnlink:
          canEditLanguage(req.user, member.language) &&
          (canPublish(req.user) || !live.has(String(member.id)) || [...live].every((other) => other === String(member.id))),
        id: member.id,
        isCurrent: String(member.id) === String(post.id),
        status: live.has(String(member.id)) ? 'published' : 'draft',
        title: member.title ?? '',
        translatedFrom: relationId(member.translatedFrom),
        translationStatus: member.translationStatus ?? 'source',
      },
    }
  })
  return { defaultLanguage: options.defaultLanguage, group, id: post.id, language: post.language ?? '', rows }
}

const handle =
  (run: (req: PayloadRequest, id: ID) => Promise<Response>): PayloadHandler =>
  async (req) => {
    requireStaff(req)
    return run(req, idParam(req, req.routeParams?.id))
  }

/**
 * REST endpoints on the posts collection (mounted under `/api/<posts>/:id/…`):
 * `GET translations`, `POST link-translation` `{ target, translatedFrom? }`,
 * `POST unlink-translation`, `POST create-translation` `{ language }`, `POST mark-up-to-date`.
 */
export function translationEndpoints(options: ResolvedPolicyPostsOptions): Endpoint[] {
  return [
    {
      handler: handle(async (req, id) => {
        const data = await translationPanelData(req, options, id)
        if (!data) return Response.json({ message: 'Not Found' }, { status: 404 })
        return Response.json(data)
      }),
      method: 'get',
      path: '/:id/translations',
    },
    {
      handler: handle(async (req, id) => {
        const data = await body(req)
        const mode = data.translatedFrom
        if (mode !== undefined && mode !== 'source' && mode !== 'target' && mode !== 'none') {
          throw fieldError(options.slugs.posts, 'translatedFrom', 'translatedFrom must be "source", "target" or "none".', req)
        }
        const result = await linkTranslation(req.payload, {
          overrideAccess: false,
          req,
          source: id,
          target: idParam(req, data.target, 'target'),
          translatedFrom: mode as 'none' | 'source' | 'target' | undefined,
        })
        return Response.json({ ...result, message: 'The versions are linked.' })
      }),
      method: 'post',
      path: '/:id/link-translation',
    },
    {
      handler: handle(async (req, id) => {
        const result = await unlinkTranslation(req.payload, { overrideAccess: false, post: id, req })
        return Response.json({ ...result, message: 'The post is no longer linked to other versions.' })
      }),
      method: 'post',
      path: '/:id/unlink-translation',
    },
    {
      handler: handle(async (req, id) => {
        const data = await body(req)
        const doc = await createTranslation(req.payload, {
          language: typeof data.language === 'string' ? data.language : '',
          overrideAccess: false,
          req,
          source: id,
        })
        return Response.json({ doc, message: 'The new version was created as a draft.' }, { status: 201 })
      }),
      method: 'post',
      path: '/:id/create-translation',
    },
    {
      handler: handle(async (req, id) => {
        const doc = await markTranslationUpToDate(req.payload, { overrideAccess: false, post: id, req })
        return Response.json({ doc, message: 'The translation is marked up to date.' })
      }),
      method: 'post',
      path: '/:id/mark-up-to-date',
    },
  ]
}
