import { baseLanguage } from '../utilities/baseLanguage'

/** The words the house citation style prints around a record's fields. */
export type CitationLabels = {
  /** Before the access date: "(Access Date: 24.12.2025)". */
  accessDate: string
}

const builtIn: Readonly<Record<string, CitationLabels>> = {
  en: { accessDate: 'Access Date' },
  tr: { accessDate: 'Erişim Tarihi' },
}

/** The labels of a language (region tags use the base language's); English where none is built in. */
export function citationLabelsFor(lang: string): CitationLabels {
  const base = baseLanguage(lang)
  return Object.hasOwn(builtIn, base) ? builtIn[base] : builtIn.en
}
