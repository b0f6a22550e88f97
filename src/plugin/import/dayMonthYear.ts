import { isRealDate, toIsoDate } from '../endnote/dates'

export type DateReading =
  | { ok: true; iso: string }
  | { ok: false; reason: 'impossible' | 'unreadable' }

// 24.12.2025, 24/12/2025, 24-12-2025 (day first, as written in the house style) or 2025-12-24.
const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/

/** Reads a note's access date. Distinguishes "not a date" from "no such day" (31.02.2025). */
export function readDayMonthYear(raw: string): DateReading {
  const s = raw.trim().replace(/\.$/, '')
  let year: number
  let month: number
  let day: number
  const dayFirst = DAY_FIRST.exec(s)
  const iso = dayFirst ? null : ISO.exec(s)
  if (dayFirst) {
    ;[day, month, year] = dayFirst.slice(1).map(Number)
  } else if (iso) {
    ;[year, month, day] = iso.slice(1).map(Number)
  } else {
    return { ok: false, reason: 'unreadable' }
  }
  if (!isRealDate(year, month, day)) return { ok: false, reason: 'impossible' }
  return { ok: true, iso: toIsoDate({ year, month, day }) }
}
