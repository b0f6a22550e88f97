import type { PayloadRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { DashboardPost } from './dashboardRows'
import type { DashboardData } from './types'

import { canEditLanguage } from '../access/canEditLanguage'
import { hasRole, languagesOf } from '../access/roles'
import { relationId } from '../utilities/relationId'
import { dashboardRows } from './dashboardRows'

const SELECT = { language: true, title: true, translatedFrom: true, translationGroup: true, translationStatus: true } as const

/**
 * Every piece with its versions' status in each language — for a translator, only their
 * languages. Posts are read as their latest versions (what editors see); a version counts as
 * published when its published row exists.
 */
export async function translationDashboard(req: PayloadRequest, options: ResolvedPolicyPostsOptions): Promise<DashboardData> {
  const collection = options.slugs.posts as 'posts'
  const common = { collection, depth: 0, limit: 0, overrideAccess: true, pagination: false, req } as const
  const [latest, live] = await Promise.all([
    req.payload.find({ ...common, draft: true, select: SELECT }),
    req.payload.find({ ...common, select: {}, where: { _status: { equals: 'published' } } }),
  ])
  const translatorOnly = !hasRole(req.user, 'admin', 'editor')
  const mine = new Set(languagesOf(req.user))
  const languages = options.languages
    .filter(({ code }) => !translatorOnly || mine.has(code))
    .map(({ code, label }) => ({ code, label }))
  const posts: DashboardPost[] = latest.docs.map((doc) => ({
    id: doc.id,
    language: doc.language,
    title: doc.title,
    translatedFrom: relationId(doc.translatedFrom) ?? null,
    translationGroup: relationId(doc.translationGroup) ?? null,
    translationStatus: doc.translationStatus,
  }))
  const { counts, rows } = dashboardRows(posts, new Set(live.docs.map((doc) => String(doc.id))), languages)
  return {
    canCreate: Object.fromEntries(languages.map(({ code }) => [code, canEditLanguage(req.user, code)])),
    counts,
    languages,
    rows,
  }
}
