/**
 * Date helpers shared by citations and the site. Everything is calendar-date in UTC:
 * an access date typed as 24.12.2025 must never print as 23.12.2025 on a server in UTC−5.
 */

export type DateInput = string | Date | null | undefined

export type DateParts = { year: number; month: number; day: number }

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/

// Pure arithmetic: Date.UTC maps years 0–99 to 1900–1999, which would skew leap years.
function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    return leap ? 29 : 28
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** True for a real calendar day (rejects 31.02 and 29.02 outside leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

/**
 * UTC calendar parts of a Date, an ISO date ('2025-12-24') or an ISO date-time
 * ('2025-12-24T12:00:00.000Z'). Returns null for missing, invalid or impossible dates
 * instead of letting `Date` roll 2025-02-31 over into March.
 */
export function toDateParts(input: DateInput): DateParts | null {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return null
    return { year: input.getUTCFullYear(), month: input.getUTCMonth() + 1, day: input.getUTCDate() }
  }
  if (typeof input !== 'string') return null
  const s = input.trim()

  const dateOnly = DATE_ONLY.exec(s)
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number)
    return isRealDate(year, month, day) ? { year, month, day } : null
  }

  const dateTime = DATE_TIME.exec(s)
  if (dateTime) {
    const [year, month, day] = dateTime.slice(1).map(Number)
    if (!isRealDate(year, month, day)) return null
    const parsed = new Date(s)
    return toDateParts(parsed)
  }
  return null
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** 'YYYY-MM-DD', the form stored in date fields and CSL. */
export function toIsoDate(parts: DateParts): string {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`
}

/**
 * House numeric date, dd.mm.yyyy (the same for English and Turkish, and the fallback for any
 * other language). Returns '' for a missing or invalid date so a page never shows "NaN".
 */
export function formatDate(date: DateInput, _lang?: string): string {
  const parts = toDateParts(date)
  if (!parts) return ''
  return `${pad(parts.day)}.${pad(parts.month)}.${pad(parts.year, 4)}`
}

// 'en' alone would give the US order ("December 24, 2025"); the house style is day-first.
const LONG_DATE_LOCALES: Readonly<Record<string, string>> = { en: 'en-GB' }
const FALLBACK_LOCALE = 'en-GB'

function longDateLocale(lang: string): string {
  const mapped = LONG_DATE_LOCALES[lang.toLowerCase()]
  if (mapped) return mapped
  try {
    const [supported] = Intl.DateTimeFormat.supportedLocalesOf([lang])
    return supported ?? FALLBACK_LOCALE
  } catch {
    return FALLBACK_LOCALE // malformed tag such as 'en_US'
  }
}

// Building an Intl.DateTimeFormat is costly and a post page formats several dates: one per language.
const longDateFormats = new Map<string, Intl.DateTimeFormat>()

function longDateFormat(lang: string): Intl.DateTimeFormat {
  let format = longDateFormats.get(lang)
  if (!format) {
    format = new Intl.DateTimeFormat(longDateLocale(lang), { day: 'numeric', month: 'long', timeZone: 'UTC', year: 'numeric' })
    if (longDateFormats.size >= 64) longDateFormats.clear() // languages come from callers: stay bounded
    longDateFormats.set(lang, format)
  }
  return format
}

/** '24 December 2025' / '24 Aralık 2025'; month names come from Intl. '' when invalid. */
export function formatLongDate(date: DateInput, lang: string): string {
  const parts = toDateParts(date)
  if (!parts) return ''
  const utc = new Date(Date.UTC(2000, parts.month - 1, parts.day, 12))
  utc.setUTCFullYear(parts.year) // Date.UTC alone would turn year 50 into 1950
  return longDateFormat(lang).format(utc)
}
