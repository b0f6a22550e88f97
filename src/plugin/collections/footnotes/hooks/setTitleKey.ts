import type { CollectionBeforeChangeHook } from 'payload'

import { footnoteTitleKey } from '../titleKey'

/** Keeps `titleKey`, the indexed title importers find existing records by, in step with the title. */
export const setFootnoteTitleKeyHook: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  data.titleKey = footnoteTitleKey('title' in data ? data.title : originalDoc?.title)
  return data
}
