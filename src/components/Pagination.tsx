import { getStrings } from '@/lib/site/i18n'

/** Previous / "Page n of m" / next, as plain links keeping the other query parameters. */
export function Pagination({
  basePath,
  lang,
  page,
  query = {},
  totalPages,
}: {
  basePath: string
  lang: string
  page: number
  query?: Record<string, string | undefined>
  totalPages: number
}) {
  if (totalPages <= 1) return null
  const t = getStrings(lang)
  const href = (target: number) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
    if (target > 1) params.set('page', String(target))
    const qs = params.toString()
    return qs ? `${basePath}?${qs}` : basePath
  }
  return (
    <nav aria-label={t.page(page, totalPages)} className="pagination">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← {t.previous}
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page" className="pagination__current">
        {t.page(page, totalPages)}
      </span>
      {page < totalPages ? (
        <a href={href(page + 1)} rel="next">
          {t.next} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}

/** `?page=` as a positive integer, or null when it is not one (→ 404 rather than a silent page 1). */
export function parsePage(value: string | string[] | undefined): null | number {
  if (value === undefined) return 1
  if (Array.isArray(value) || !/^[1-9]\d{0,5}$/.test(value)) return null
  return Number(value)
}
