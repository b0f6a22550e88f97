/**
 * Turns the free-text `citedAuthors` of a footnote into CSL names. Deliberately modest:
 * "Emil Avdaliani" → given/family, organisations and single words → literal, and the usual
 * list separators (' and ', ' & ', ' ve ', ';', commas between full names).
 */

export type CslName = { given?: string; family?: string; literal?: string }

// Words that mark an institution rather than a person (English and Turkish).
const ORGANISATION_WORDS = [
  'institute', 'institution', 'ministry', 'agency', 'commission', 'council', 'office', 'bank',
  'fund', 'organisation', 'organization', 'association', 'center', 'centre', 'foundation',
  'university', 'government', 'department', 'union', 'forum', 'group', 'committee', 'parliament',
  'secretariat', 'programme', 'program', 'company', 'corporation', 'inc', 'ltd', 'news', 'press',
  'service', 'authority', 'administration', 'assembly', 'board', 'bureau', 'staff', 'team',
  'editors', 'editorial', 'society', 'network', 'project', 'initiative', 'partnership',
  'bakanlığı', 'başkanlığı', 'cumhurbaşkanlığı', 'kurumu', 'kurulu', 'vakfı', 'merkezi',
  'enstitüsü', 'üniversitesi', 'ajansı', 'derneği', 'meclisi', 'müdürlüğü', 'dairesi',
]

// Lowercase particles that belong to the family name: "Thomas de Waal" → family "de Waal".
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'le', 'la', 'al', 'el', 'bin', 'ibn', 'ter'])

const LIST_SEPARATOR = /\s*;\s*|\s+(?:and|&|ve)\s+/i
const ET_AL = /,?\s+(?:et al\.?|vd\.?|ve diğerleri)$/i

export function isOrganisationName(name: string): boolean {
  // Both lowercasings: Turkish maps I→ı (BAKANLIĞI), English keeps I→i (INSTITUTE).
  const lowered = `${name.toLowerCase()} ${name.toLocaleLowerCase('tr')}`
  const words = lowered.split(/[\s,.()]+/).filter(Boolean)
  return words.some((word) => ORGANISATION_WORDS.includes(word))
}

function toName(raw: string): CslName | undefined {
  const name = raw.replace(/\s+/g, ' ').trim()
  if (!name) return undefined
  const words = name.split(' ')
  if (words.length === 1 || isOrganisationName(name)) return { literal: name }

  let familyStart = words.length - 1
  while (familyStart > 1 && PARTICLES.has(words[familyStart - 1])) familyStart--
  return { given: words.slice(0, familyStart).join(' '), family: words.slice(familyStart).join(' ') }
}

// "Avdaliani, Emil" (one family word, then given names) is an inverted single name.
function isInverted(parts: string[]): boolean {
  return parts.length === 2 && !parts[0].includes(' ') && !isOrganisationName(parts.join(' '))
}

export function parseAuthors(citedAuthors: string | null | undefined): CslName[] {
  const text = (citedAuthors ?? '').replace(/\s+/g, ' ').trim().replace(ET_AL, '')
  if (!text) return []
  // "Ministry of Energy and Natural Resources" is one body; only ';' separates organisations.
  if (isOrganisationName(text) && !text.includes(';')) return [{ literal: text }]

  const names: CslName[] = []
  for (const chunk of text.split(LIST_SEPARATOR)) {
    const commaParts = chunk.split(',').map((p) => p.trim()).filter(Boolean)
    if (isInverted(commaParts)) {
      names.push({ given: commaParts[1], family: commaParts[0] })
      continue
    }
    for (const part of commaParts) {
      const name = toName(part)
      if (name) names.push(name)
    }
  }
  return names
}
