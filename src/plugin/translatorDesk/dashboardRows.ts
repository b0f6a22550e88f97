import type { DashboardData, DashboardRow, DeskStatus } from './types'

type ID = number | string

/** The fields of a post the dashboard reads. */
export interface DashboardPost {
  id: ID
  title?: null | string
  language?: null | string
  translationGroup?: ID | null
  translatedFrom?: ID | null
  translationStatus?: null | string
}

export const DESK_STATUSES: readonly DeskStatus[] = ['up-to-date', 'outdated', 'draft', 'missing', 'original']

/** A version's status: outdated first (it needs work even as a draft), then draft, then up to date or original. */
export function deskStatus(post: DashboardPost, published: boolean): DeskStatus {
  if (post.translationStatus === 'outdated') return 'outdated'
  if (!published) return 'draft'
  return post.translatedFrom === undefined || post.translatedFrom === null ? 'original' : 'up-to-date'
}

/**
 * Groups posts into pieces (a translation group, or a post alone) with each shown language's
 * version and status, counts per language and status, pieces sorted by the original's title.
 */
export function dashboardRows(
  posts: readonly DashboardPost[],
  published: ReadonlySet<string>,
  languages: readonly { code: string; label: string }[],
): Pick<DashboardData, 'counts' | 'rows'> {
  const pieces = new Map<string, DashboardPost[]>()
  for (const post of posts) {
    const key = post.translationGroup === undefined || post.translationGroup === null ? `post:${post.id}` : `group:${post.translationGroup}`
    pieces.set(key, [...(pieces.get(key) ?? []), post])
  }
  const counts = Object.fromEntries(
    languages.map(({ code }) => [code, Object.fromEntries(DESK_STATUSES.map((status) => [status, 0])) as Record<DeskStatus, number>]),
  )
  const rows: DashboardRow[] = [...pieces.values()].map((members) => {
    const original = members.find((member) => member.translatedFrom === undefined || member.translatedFrom === null) ?? members[0]
    const cells = Object.fromEntries(
      languages.map(({ code }) => {
        const member = members.find((candidate) => candidate.language === code)
        const status: DeskStatus = member ? deskStatus(member, published.has(String(member.id))) : 'missing'
        counts[code][status] += 1
        return [code, member ? { id: member.id, status, title: member.title ?? '' } : { status }]
      }),
    )
    return {
      cells,
      group: original.translationGroup ?? undefined,
      source: { id: original.id, language: original.language ?? '', title: original.title ?? '' },
    }
  })
  rows.sort((a, b) => a.source.title.localeCompare(b.source.title))
  return { counts, rows }
}
