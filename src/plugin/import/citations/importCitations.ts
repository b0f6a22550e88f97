import type { Payload, PayloadRequest, RequestContext, TypedUser } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { LibraryFormat } from './readCitationLibrary'

import { getPolicyPostsOptions } from '../../utilities/getPolicyPostsOptions'
import { footnoteResolver } from '../footnoteRecords'
import { readCitationLibrary } from './readCitationLibrary'

export interface ImportCitationsArgs {
  /** The library file's text: BibTeX, RIS or CSL-JSON. */
  text: string
  /** Its name, used only when the content does not tell the format. */
  fileName?: string
  req?: PayloadRequest
  user?: null | TypedUser
  context?: RequestContext
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
  const req = args.req ?? (await createLocalReq({ context: args.context, user: args.user ?? undefined }, payload))
  if (args.req && args.context) Object.assign(req.context, args.context)
  const overrideAccess = !(args.user ?? req.user)
  const ownsTransaction = await initTransaction(req)
  try {
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
    if (ownsTransaction) await commitTransaction(req)
    return { created, format, reused }
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}
