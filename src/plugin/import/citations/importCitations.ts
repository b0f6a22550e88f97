import type { Payload } from 'payload'

import type { ImportCaller } from '../importTransaction'
import type { LibraryFormat } from './readCitationLibrary'

import { getPolicyPostsOptions } from '../../utilities/getPolicyPostsOptions'
import { footnoteResolver } from '../footnoteRecords'
import { inImportTransaction } from '../importTransaction'
import { readCitationLibrary } from './readCitationLibrary'

export interface ImportCitationsArgs extends ImportCaller {
  /** The library file's text: BibTeX, RIS or CSL-JSON. */
  text: string
  /** Its name, used only when the content does not tell the format. */
  fileName?: string
}

export type ImportCitationsResult = {
  format: LibraryFormat
  /** Ids of the records created, in the file's order. */
  created: (number | string)[]
  /** Ids of existing records matched by DOI, URL or title (each once). */
  reused: (number | string)[]
}

/**
 * Imports a citation library into `footnotes` in one transaction. Entries already present —
 * same DOI, same URL, or the same normalised title (with the same outlet when both have one) —
 * are reused instead of duplicated, also within the file. Throws `CitationLibraryError` for a
 * file that cannot be read; nothing is written then.
 */
export async function importCitations(payload: Payload, args: ImportCitationsArgs): Promise<ImportCitationsResult> {
  const { slugs } = getPolicyPostsOptions(payload)
  const { entries, format } = await readCitationLibrary(args.text, args.fileName)
  return inImportTransaction(payload, args, async (req, overrideAccess) => {
    const resolver = footnoteResolver(payload, { footnotesSlug: slugs.footnotes, overrideAccess, req })
    const created: (number | string)[] = []
    const reused: (number | string)[] = []
    const seen = new Set<string>()
    for (const entry of entries) {
      const before = resolver.created()
      const id = await resolver.resolve(entry.citation, { doi: entry.doi, titleAlone: true })
      if (seen.has(String(id))) continue
      seen.add(String(id))
      ;(resolver.created() > before ? created : reused).push(id)
    }
    return { created, format, reused }
  })
}
