import type { Payload } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

/** The resolved plugin options the plugin stored on the config (`custom.policyPosts`). */
export function getPolicyPostsOptions(payload: Payload): ResolvedPolicyPostsOptions {
  const options = (payload.config.custom as { policyPosts?: ResolvedPolicyPostsOptions } | undefined)?.policyPosts
  if (!options) throw new Error('[policy-posts] the policyPosts() plugin is not part of this Payload config')
  return options
}
