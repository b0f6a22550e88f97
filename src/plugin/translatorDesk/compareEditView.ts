import type { EditViewConfig } from 'payload'

/** The "Compare" tab of a post's edit view (`…/collections/posts/:id/compare`). */
export const compareEditView: EditViewConfig = {
  Component: 'payload-policy-posts/client#CompareView',
  path: '/compare',
  tab: {
    href: '/compare',
    label: ({ t }) => t('policy-posts:compareTab'),
    order: 150,
  },
}
