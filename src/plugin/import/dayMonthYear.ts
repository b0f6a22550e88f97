import { isRealDate, toIsoDate } from '../endnote/dates'
import { monthNumber } from './writtenMonths'

export type DateReading =
  | { ok: true; iso: string }
  | { ok: false; reason: 'impossible' | 'unreadable' }

// 24.12.2025, 24/12/2025, 24-12-2025 (day first, as written in the house style) or 2025-12-24.
const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
// "24 December 2025", "24. Aralık 2025", "3 Şub. 2025"
const DAY_MONTH_NAME = /^(\d{1,2})\.?\s+([\p{L}]+\.?)\s*,?\s+(\d{4})$/u
// "December 24, 2025", "Dec. 24 2025"
const MONTH_NAME_DAY = /^([\p{L}]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u

/**
 * Reads a note's access date: day first with digits, ISO, or written with an English or
 * Turkish month name. Distinguishes "not a date" from "no such day" (31.02.2025).
 */
export function readDayMonthYear(raw: string): DateReading {
  const s = raw.trim().replace(/\.$/, '').replace(/\s+/g, ' ')
  const written = readWrittenDate(s)
  if (written) return written
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

function readWrittenDate(s: string): DateReading | undefined {
  const dayFirst = DAY_MONTH_NAME.exec(s)
  const monthFirst = dayFirst ? null : MONTH_NAME_DAY.exec(s)
  if (!dayFirst && !monthFirst) return undefined
  const [day, name, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : [monthFirst![2], monthFirst![1], monthFirst![3]]
  const month = monthNumber(name)
  if (month === undefined) return { ok: false, reason: 'unreadable' }
  if (!isRealDate(Number(year), month, Number(day))) return { ok: false, reason: 'impossible' }
  return { ok: true, iso: toIsoDate({ year: Number(year), month, day: Number(day) }) }
}
