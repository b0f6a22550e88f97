import { siteSettings } from './siteSettings'

// Particles that belong to the surname but keep their case: "Ursula von der LEYEN".
const PARTICLES = new Set(['al', 'bin', 'da', 'de', 'del', 'der', 'di', 'du', 'el', 'la', 'le', 'van', 'von'])

/**
 * The author's name as printed on the site. With `siteSettings.surnameInCapitals` the surname
 * (the last word, or the part after a comma in "Surname, Given") is capitalised with the
 * page language's rules, so Turkish pages print "AYDINLI" and "SERİKBAYEVA".
 */
export function displayAuthorName(
  name: string,
  lang: string,
  surnameInCapitals: boolean = siteSettings.surnameInCapitals,
): string {
  const clean = name.replace(/\s+/g, ' ').trim()
  if (!surnameInCapitals || !clean) return clean
  const upper = (s: string) => s.toLocaleUpperCase(lang)
  if (clean.includes(',')) {
    const [surname, ...given] = clean.split(',')
    return `${given.join(',').trim()} ${upper(surname.trim())}`.trim()
  }
  const words = clean.split(' ')
  if (words.length < 2) return clean
  // Institutions ("Ministry of Energy") are not people: leave names with lowercase words alone.
  if (words.some((word) => /^[a-zà-ÿğış]/.test(word) && !PARTICLES.has(word))) return clean
  return [...words.slice(0, -1), upper(words[words.length - 1])].join(' ')
}
