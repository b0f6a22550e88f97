import type { ResolvedPolicyPostsOptions } from '../options'

/** Native name of a configured language ('Türkçe'), or the code itself when it is not configured. */
export const languageLabel = (options: Pick<ResolvedPolicyPostsOptions, 'languages'>, code: null | string | undefined): string =>
  options.languages.find((language) => language.code === code)?.label ?? String(code ?? '')
