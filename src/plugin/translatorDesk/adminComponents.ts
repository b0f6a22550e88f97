import type { Config } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

type AdminComponents = NonNullable<NonNullable<Config['admin']>['components']>

/** The admin path of the translation dashboard. */
export const DASHBOARD_PATH = '/translation-dashboard'

/** The host's admin components plus the translation dashboard view and its navigation link. */
export function withTranslatorDesk(components: AdminComponents | undefined, options: ResolvedPolicyPostsOptions): AdminComponents {
  return {
    ...components,
    afterNavLinks: [...(components?.afterNavLinks ?? []), 'payload-policy-posts/client#TranslationDashboardLink'],
    views: {
      ...components?.views,
      policyPostsTranslationDashboard: {
        Component: { clientProps: { postsSlug: options.slugs.posts }, path: 'payload-policy-posts/client#TranslationDashboard' },
        exact: true,
        path: DASHBOARD_PATH,
      },
    },
  }
}
