import type { ResolvedPolicyPostsOptions } from '../options'

/** Throws unless `language` is one of the plugin's languages; `importer` names the function in the message. */
export function assertImportLanguage(options: ResolvedPolicyPostsOptions, language: string, importer: string): void {
  if (!options.languages.some((candidate) => candidate.code === language)) {
    throw new Error(
      `[policy-posts] ${importer}: unknown language "${language}"; use one of ${options.languages.map((l) => l.code).join(', ')}`,
    )
  }
}
