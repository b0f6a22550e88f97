import type { Payload } from 'payload'

import configPromise from '@payload-config'
import { getPayload } from 'payload'

/** The site's Payload instance (Local API); created once per server process. */
export const getPayloadClient = (): Promise<Payload> => getPayload({ config: configPromise })
