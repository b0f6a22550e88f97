import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

/** The request to run under: the caller's, or a fresh Local API request. */
export async function requestFor(payload: Payload, req?: PayloadRequest): Promise<PayloadRequest> {
  return req ?? (await createLocalReq({}, payload))
}
