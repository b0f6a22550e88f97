/** Month names as written in English and Turkish access dates ("24 December 2025", "24 Aralık 2025"). */

const MONTHS: Record<string, number> = {}

const add = (month: number, ...names: string[]): void => {
  for (const name of names) MONTHS[name] = month
}

add(1, 'january', 'jan', 'ocak', 'oca')
add(2, 'february', 'feb', 'şubat', 'subat', 'şub', 'sub')
add(3, 'march', 'mar', 'mart')
add(4, 'april', 'apr', 'nisan', 'nis')
add(5, 'may', 'mayıs', 'mayis', 'may')
add(6, 'june', 'jun', 'haziran', 'haz')
add(7, 'july', 'jul', 'temmuz', 'tem')
add(8, 'august', 'aug', 'ağustos', 'agustos', 'ağu', 'agu')
add(9, 'september', 'sep', 'sept', 'eylül', 'eylul', 'eyl')
add(10, 'october', 'oct', 'ekim', 'eki')
add(11, 'november', 'nov', 'kasım', 'kasim', 'kas')
add(12, 'december', 'dec', 'aralık', 'aralik', 'ara')

/** Month number (1–12) of an English or Turkish month name or abbreviation, any case. */
export function monthNumber(name: string): number | undefined {
  // Turkish lower-casing keeps "ŞUBAT"/"ARALIK" readable; "I" → "ı" is undone for English names.
  const turkish = name.replace(/\.$/, '').toLocaleLowerCase('tr')
  return MONTHS[turkish] ?? MONTHS[turkish.replace(/ı/g, 'i')] ?? MONTHS[name.toLowerCase()]
}
